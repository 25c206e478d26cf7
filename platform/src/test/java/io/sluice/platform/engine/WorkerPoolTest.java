package io.sluice.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.RetriableException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

    @Test
    void runsEveryTaskOnTheWorkers() {
        try (WorkerPool pool = new WorkerPool("pool-test", 3, this)) {
            Set<Integer> done = ConcurrentHashMap.newKeySet();
            Set<String> threads = ConcurrentHashMap.newKeySet();
            pool.forEach(20, i -> {
                done.add(i);
                threads.add(Thread.currentThread().getName());
            });
            assertThat(done).hasSize(20);
            assertThat(threads).allMatch(t -> t.startsWith("pool-test-"));
        }
    }

    @Test
    void oneThreadRunsTasksInOrderOnTheCaller() {
        try (WorkerPool pool = new WorkerPool("pool-test", 1, this)) {
            List<String> calls = new CopyOnWriteArrayList<>();
            pool.forEach(3, i -> calls.add(i + "@" + Thread.currentThread().getName()));
            String caller = Thread.currentThread().getName();
            assertThat(calls).containsExactly("0@" + caller, "1@" + caller, "2@" + caller);
        }
    }

    @Test
    void aFailureIsRethrownAsThrownOnceEveryRunningTaskHasFinished() throws Exception {
        try (WorkerPool pool = new WorkerPool("pool-test", 2, this)) {
            CountDownLatch slowStarted = new CountDownLatch(1);
            Set<Integer> finished = ConcurrentHashMap.newKeySet();
            assertThatThrownBy(() -> pool.forEach(2, i -> {
                if (i == 0) {
                    slowStarted.countDown();
                    spinFor50Millis();
                    finished.add(0);
                } else {
                    await(slowStarted);
                    throw new RetriableException("task 1 failed");
                }
            })).isInstanceOf(RetriableException.class).hasMessage("task 1 failed");
            assertThat(finished).containsExactly(0);   // forEach returned only after task 0 was done
        }
    }

    /** A slow task: the failing task fails meanwhile, and forEach must still wait for this one. */
    private static void spinFor50Millis() {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
