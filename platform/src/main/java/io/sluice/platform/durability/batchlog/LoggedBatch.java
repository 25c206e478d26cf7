package io.sluice.platform.durability.batchlog;

import java.util.Arrays;

/**
 * One batch found in the batch log at open: its id, the description the engine logged for it, and
 * whether its completion mark was logged too.
 *
 * <pre>{@code
 * new LoggedBatch(7, description, false)   // logged, not complete: re-run it
 * }</pre>
 *
 * <p>Equality compares the description's bytes.
 */
public record LoggedBatch(long batchId, byte[] description, boolean completed) {
    @Override
    public boolean equals(Object o) {
        return o instanceof LoggedBatch other && batchId == other.batchId && completed == other.completed
                && Arrays.equals(description, other.description);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(batchId) * 31 + Arrays.hashCode(description) + (completed ? 1 : 0);
    }

    @Override
    public String toString() {
        return "LoggedBatch[" + batchId + ", " + description.length + " bytes, "
                + (completed ? "completed" : "incomplete") + "]";
    }
}
