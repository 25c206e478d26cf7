package io.sluice.connectors.flume;

import java.util.HashSet;
import java.util.Set;

/**
 * Lets RPC calls into {@code store} until the receiver stops, and stops them cleanly: after
 * {@link #close} no call enters, and calls inside (possibly blocked by backpressure) are interrupted
 * so that they answer {@code FAILED} instead of holding the stop up. This keeps the
 * {@code Receiver.stop} contract: no {@code store} starts after it returned.
 *
 * <pre>{@code
 * if (!gate.enter()) return Status.FAILED;
 * try { context.store(records); return Status.OK; }
 * catch (InterruptedException e) { return Status.FAILED; }
 * finally { gate.exit(); }
 * }</pre>
 */
final class StoreGate {
    private final Set<Thread> inside = new HashSet<>();
    private boolean closed;

    /** Whether the calling thread may store; if so it must call {@link #exit()} afterwards. */
    synchronized boolean enter() {
        if (closed) {
            return false;
        }
        inside.add(Thread.currentThread());
        return true;
    }

    /**
     * Leaves the gate. Once closed, also clears the interrupt that {@link #close} may have sent: it
     * was meant for the store call only, not for the RPC thread pool that runs the next call.
     */
    synchronized void exit() {
        inside.remove(Thread.currentThread());
        if (closed) {
            Thread.interrupted();
        }
        notifyAll();
    }

    /**
     * Refuses every further {@link #enter()}, interrupts the threads inside, and waits up to
     * {@code waitMillis} for them to leave.
     *
     * @return how many calls were inside when the gate closed
     */
    synchronized int close(long waitMillis) {
        closed = true;
        int cutShort = inside.size();
        for (Thread t : inside) {
            t.interrupt();
        }
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        boolean interrupted = false;
        while (!inside.isEmpty()) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                break;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return cutShort;
    }

    synchronized boolean closed() {
        return closed;
    }
}
