package io.sluice.platform.engine;

import io.sluice.platform.stream.BadRecord;
import io.sluice.spi.ErrorReporter;
import io.sluice.spi.Metrics;
import io.sluice.spi.Record;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a context's bad records go: each is counted ({@code <component>.bad_records} and
 * {@code engine.bad_records}), logged with its origin (the first {@value #LOGGED_IN_FULL} per
 * component, then every {@value #LOG_EVERY}th, so a flood of bad input does not drown the log) and
 * handed to the dead-letter handler given to the builder. Thread-safe.
 */
public final class ErrorReporting {
    static final int LOGGED_IN_FULL = 10;
    static final int LOG_EVERY = 1000;
    private static final Logger log = LoggerFactory.getLogger(ErrorReporting.class);

    private final MetricsRegistry metrics;
    private final Consumer<? super BadRecord> deadLetters;
    private final Metrics.Counter total;

    public ErrorReporting(MetricsRegistry metrics, Consumer<? super BadRecord> deadLetters) {
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.total = metrics.counter("engine.bad_records");
    }

    /** The reporter of one component (a step, source or sink), named in logs and metrics. */
    public ErrorReporter forComponent(String component) {
        Metrics.Counter count = metrics.counter(component + ".bad_records");
        return new ErrorReporter() {
            @Override
            public void report(Record record, Throwable cause) {
                accept(count, new BadRecord(component, record.position(), record, null, cause));
            }

            @Override
            public void reportRaw(String origin, byte[] raw, Throwable cause) {
                accept(count, new BadRecord(component, origin, null, raw, cause));
            }
        };
    }

    private void accept(Metrics.Counter count, BadRecord bad) {
        count.increment();
        total.increment();
        long n = count.count();
        if (n <= LOGGED_IN_FULL || n % LOG_EVERY == 0) {
            log.warn("bad record #{} in {} at {}: {}", n, bad.component(),
                    bad.origin() == null ? "unknown position" : bad.origin(), String.valueOf(bad.cause()));
        }
        deadLetters.accept(bad);
    }
}
