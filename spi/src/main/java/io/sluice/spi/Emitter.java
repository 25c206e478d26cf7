package io.sluice.spi;

/**
 * Where a component hands the records it produces: a split reader's output, an operator's output.
 * Not thread-safe; each caller gets its own. {@link #emit} does not block for long and never
 * retains the record beyond the batch.
 *
 * <pre>{@code
 * for (String line : lines) {
 *     out.emit(Record.ofPayload(line.getBytes(UTF_8)));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface Emitter {
    void emit(Record record);
}
