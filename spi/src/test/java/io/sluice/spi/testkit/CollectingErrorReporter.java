package io.sluice.spi.testkit;

import io.sluice.spi.ErrorReporter;
import io.sluice.spi.Record;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link ErrorReporter} that keeps every report for assertions. Thread-safe.
 *
 * <pre>{@code
 * assertThat(errors.raw()).extracting(CollectingErrorReporter.RawError::origin).containsExactly("in.jsonl:3");
 * }</pre>
 */
public final class CollectingErrorReporter implements ErrorReporter {
    /** A reported record and why it failed. */
    public record RecordError(Record record, Throwable cause) {
    }

    /** Reported raw input, where it came from and why it failed. */
    public record RawError(String origin, byte[] raw, Throwable cause) {
        public String rawAsString() {
            return new String(raw, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final List<RecordError> records = new CopyOnWriteArrayList<>();
    private final List<RawError> raw = new CopyOnWriteArrayList<>();

    @Override
    public void report(Record record, Throwable cause) {
        records.add(new RecordError(record, cause));
    }

    @Override
    public void reportRaw(String origin, byte[] bytes, Throwable cause) {
        raw.add(new RawError(origin, bytes.clone(), cause));
    }

    /** Reported records, in report order. */
    public List<RecordError> records() {
        return List.copyOf(records);
    }

    /** Reported raw input, in report order. */
    public List<RawError> raw() {
        return List.copyOf(raw);
    }

    /** Whether nothing was reported. */
    public boolean isEmpty() {
        return records.isEmpty() && raw.isEmpty();
    }
}
