package io.sluice.platform.engine;

import io.sluice.spi.Record;
import java.util.List;
import java.util.Map;

/**
 * A batch cut by the clock and waiting to be run: its id, its time, and what each receiver had
 * stored by then. {@link #END} tells the runner that no batch follows.
 *
 * @param batchId    the batch id, from 1
 * @param timeMillis the batch time: start + id * interval
 * @param blocks     per receiver source, the records drained from its buffer at the batch time
 */
public record Tick(long batchId, long timeMillis, Map<ReceiverSourceNode, List<Record>> blocks) {
    /** The end marker (compared by identity). */
    static final Tick END = new Tick(0, 0, Map.of());

    /** The records {@code source} stored for this batch. */
    public List<Record> block(ReceiverSourceNode source) {
        return blocks.getOrDefault(source, List.of());
    }
}
