package io.sluice.spi.testkit;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.ErrorReporter;
import io.sluice.spi.Metrics;
import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigException;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.format.RecordFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link ComponentContext} for tests: a {@link ManualClock}, a {@link CollectingErrorReporter},
 * {@link TestMetrics} and the {@code text} and {@code bytes} formats, each replaceable through the
 * builder. JSON belongs to the platform: a test that needs it registers its own {@link RecordFormat}.
 *
 * <pre>{@code
 * TestComponentContext ctx = TestComponentContext.builder()
 *         .config(Config.builder(FileSource.SPEC).set(FileSource.PATH, dir.toString()).build())
 *         .format(myJsonFormat)
 *         .build();
 * ...
 * assertThat(ctx.collectedErrors().raw()).isEmpty();
 * }</pre>
 */
public final class TestComponentContext implements ComponentContext {
    /** Where the default {@link ManualClock} starts: the workload's first event time. */
    public static final Instant DEFAULT_TIME = Instant.ofEpochMilli(1_732_390_000_000L);

    private final String pipelineName;
    private final String componentName;
    private final Config config;
    private final Clock clock;
    private final Metrics metrics;
    private final ErrorReporter errors;
    private final Map<String, RecordFormat> formats;

    private TestComponentContext(Builder b) {
        this.pipelineName = b.pipelineName;
        this.componentName = b.componentName;
        this.config = b.config;
        this.clock = b.clock;
        this.metrics = b.metrics;
        this.errors = b.errors;
        this.formats = Map.copyOf(b.formats);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String pipelineName() {
        return pipelineName;
    }

    @Override
    public String componentName() {
        return componentName;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Metrics metrics() {
        return metrics;
    }

    @Override
    public ErrorReporter errors() {
        return errors;
    }

    /** The reports collected so far, unless the builder was given another error reporter. */
    public CollectingErrorReporter collectedErrors() {
        if (errors instanceof CollectingErrorReporter collecting) {
            return collecting;
        }
        throw new IllegalStateException("this context reports to " + errors + ", not to a CollectingErrorReporter");
    }

    /** The metrics as {@link TestMetrics}, unless the builder was given other metrics. */
    public TestMetrics testMetrics() {
        if (metrics instanceof TestMetrics test) {
            return test;
        }
        throw new IllegalStateException("this context uses " + metrics + ", not TestMetrics");
    }

    @Override
    public RecordFormat format(String name) {
        RecordFormat f = formats.get(name);
        if (f == null) {
            throw new ConfigException("unknown format '" + name + "'; this test context has " + formats.keySet());
        }
        return f;
    }

    /** Builds a {@link TestComponentContext}; every part has a default. */
    public static final class Builder {
        private String pipelineName = "test-pipeline";
        private String componentName = "test-component";
        private Config config = Config.builder(ConfigSpec.empty()).build();
        private Clock clock = new ManualClock(DEFAULT_TIME);
        private Metrics metrics = new TestMetrics();
        private ErrorReporter errors = new CollectingErrorReporter();
        private final Map<String, RecordFormat> formats = new LinkedHashMap<>();

        private Builder() {
            format(new TextRecordFormat());
            format(new BytesRecordFormat());
        }

        public Builder pipelineName(String name) {
            this.pipelineName = Objects.requireNonNull(name);
            return this;
        }

        public Builder componentName(String name) {
            this.componentName = Objects.requireNonNull(name);
            return this;
        }

        public Builder config(Config config) {
            this.config = Objects.requireNonNull(config);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder metrics(Metrics metrics) {
            this.metrics = Objects.requireNonNull(metrics);
            return this;
        }

        public Builder errors(ErrorReporter errors) {
            this.errors = Objects.requireNonNull(errors);
            return this;
        }

        /** Adds a format, or replaces the one with the same {@link RecordFormat#name()}. */
        public Builder format(RecordFormat format) {
            formats.put(format.name(), format);
            return this;
        }

        public TestComponentContext build() {
            return new TestComponentContext(this);
        }
    }
}
