package io.sluice.platform.engine;

import io.sluice.platform.durability.codec.ValueCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The part of a node that outlives a batch (keyed state, a window's retained batches), as a
 * checkpoint sees it. Written after a batch committed and read back before the first batch of a
 * restart, both on the batch-runner thread, so it is always the committed state of one batch.
 *
 * <p>A checkpoint stores each stateful node's bytes under the node's name and {@link #kind()}; at
 * restart a section whose node is gone or of another kind is refused, so an incompatible pipeline
 * edit never silently drops or misreads state.
 */
public interface NodeState {
    /** What the state is ({@code update-state}, {@code window}…); part of the compatibility check. */
    String kind();

    /** Writes the committed state; values go through {@code values} (never Java serialization). */
    void write(DataOutput out, ValueCodec values) throws IOException;

    /** Replaces the state with what {@link #write} wrote (possibly by an earlier Sluice version). */
    void read(DataInput in, ValueCodec values) throws IOException;
}
