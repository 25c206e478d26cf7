package io.sluice.platform.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** The README's "Java API" example, as written there, with its printed results checked. */
class ReadmeJavaApiExampleTest {
    record Click(String user, int count) {
    }

    @Test
    void runsAsTheReadmeSays() throws InterruptedException {
        Map<Long, String> printed = new ConcurrentHashMap<>();
        ManualClock clock = new ManualClock();
        StreamingContext ctx = StreamingContext.builder()
                .name("clicks").batchInterval(Duration.ofSeconds(1)).clock(clock).parallelism(2).build();
        Queue<List<Click>> input = new ConcurrentLinkedQueue<>(List.of(
                List.of(new Click("ann", 3), new Click("bob", 1)), List.of(new Click("ann", 2))));
        PairDStream<String, Integer> clicks = ctx.queueStream("clicks", input)
                .mapToPair(c -> KeyValue.of(c.user(), c.count()));
        clicks.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, Duration.ofSeconds(2), Duration.ofSeconds(1))
                .foreachBatch((batch, totals) -> printed.put(batch.id(), totals.stream()
                        .map(Object::toString).sorted().toList().toString()));
        clicks.mapWithState(StateSpec.<String, Integer, Integer, String>function((user, count, total) -> {
                    int sum = total.getOption().orElse(0) + count.orElse(0);
                    if (!total.isTimingOut()) {
                        total.update(sum);
                    }
                    return user + "=" + sum;
                }).timeout(Duration.ofMinutes(5)))
                .print(10, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        ctx.start();
        clock.advance(Duration.ofSeconds(3));   // cuts batches 1, 2 and 3
        ctx.stop(true);                          // graceful: queued batches finish first
        ctx.awaitTermination();

        assertThat(new TreeMap<>(printed)).containsExactly(
                Map.entry(1L, "[(ann,3), (bob,1)]"), Map.entry(2L, "[(ann,5), (bob,1)]"),
                Map.entry(3L, "[(ann,2), (bob,0)]"));
    }
}
