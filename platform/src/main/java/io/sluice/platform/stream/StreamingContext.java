package io.sluice.platform.stream;

import io.sluice.platform.durability.codec.TypeCodec;
import io.sluice.platform.durability.codec.ValueCodec;
import io.sluice.platform.durability.wal.Durability;
import io.sluice.platform.engine.BackpressureSettings;
import io.sluice.platform.engine.CheckpointSettings;
import io.sluice.platform.engine.ComponentEnvironment;
import io.sluice.platform.engine.EngineRuntime;
import io.sluice.platform.engine.EngineSettings;
import io.sluice.platform.engine.ErrorReporting;
import io.sluice.platform.engine.MetricsRegistry;
import io.sluice.platform.engine.QueueSourceNode;
import io.sluice.platform.engine.ReceiverSourceNode;
import io.sluice.platform.engine.ReplayableSourceNode;
import io.sluice.platform.engine.StreamGraph;
import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.format.RecordFormat;
import io.sluice.spi.source.ReceiverSource;
import io.sluice.spi.source.ReplayableSource;
import io.sluice.spi.source.Source;
import io.sluice.spi.source.SourceFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.SortedMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The entry point of a streaming pipeline, like Spark's {@code JavaStreamingContext}: create input
 * streams, transform them into a graph of {@link DStream}s, register outputs, then {@link #start()}.
 * Every batch interval (on the context's {@link EngineClock}) the engine cuts a batch, computes the
 * outputs in parallel, and reports the batch to the {@link BatchListener}s.
 *
 * <p>Contexts are independent: several can run in one JVM. Streams and outputs can only be added
 * before {@code start()}; a stopped context cannot be restarted.
 *
 * <p><b>Termination.</b> A context ends when {@link #stop(boolean)} is called, when every source is
 * bounded and exhausted (its last batch is processed first), or when a batch fails for good: a
 * batch that throws a {@link io.sluice.spi.RetriableException} is run again (same input, keyed state
 * as before the batch) up to {@link Builder#batchRetries the configured attempts}, with doubling
 * backoff on the engine clock; any other exception, or a retriable one on the last attempt, stops
 * the context and is thrown by {@link #awaitTermination()} as a {@link BatchFailedException}.
 * Outputs of a retried batch may be delivered twice (sinks get the same batch id again).
 *
 * <pre>{@code
 * StreamingContext ctx = StreamingContext.builder()
 *         .name("word-count")
 *         .batchInterval(Duration.ofSeconds(1))
 *         .build();
 * Queue<List<String>> lines = new ConcurrentLinkedQueue<>(List.of(List.of("a b", "b c")));
 * ctx.queueStream("lines", lines, true)
 *         .flatMap(line -> List.of(line.split(" ")))
 *         .mapToPair(word -> KeyValue.of(word, 1L))
 *         .reduceByKey(Long::sum)
 *         .print(10);
 * ctx.start();
 * ctx.awaitTermination();   // the queue drains after one batch, so this returns
 * }</pre>
 */
public final class StreamingContext implements AutoCloseable {
    /** Where a context is in its life. */
    public enum State { INITIALIZED, ACTIVE, STOPPED }

    private final EngineSettings settings;
    private final StreamGraph graph;
    private final FormatLookup formats;
    private final MetricsRegistry metrics = new MetricsRegistry();
    private final ComponentEnvironment environment;
    private final List<BatchListener> listeners;
    private State state = State.INITIALIZED;
    private EngineRuntime runtime;

    private StreamingContext(Builder b) {
        int parallelism = b.parallelism > 0 ? b.parallelism : Runtime.getRuntime().availableProcessors();
        this.settings = new EngineSettings(b.name, b.batchInterval, b.clock, parallelism,
                b.shufflePartitions > 0 ? b.shufflePartitions : parallelism, b.maxBatchAttempts, b.retryBackoff,
                b.receiverMaxPendingRecords, b.checkpointSettings(),
                new BackpressureSettings(b.backpressure, b.initialRate, b.minRate, b.maxRate));
        this.graph = new StreamGraph(settings);
        this.formats = b.formats;
        this.environment = new ComponentEnvironment(settings, formats, metrics,
                new ErrorReporting(metrics, b.errorReporter));
        this.listeners = new CopyOnWriteArrayList<>(b.listeners);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String name() {
        return settings.pipelineName();
    }

    public Duration batchInterval() {
        return settings.batchInterval();
    }

    public EngineClock clock() {
        return settings.clock();
    }

    /** Worker threads. */
    public int parallelism() {
        return settings.parallelism();
    }

    /** Partitions of keyed steps, and of queue and receiver input. */
    public int shufflePartitions() {
        return settings.shufflePartitions();
    }

    /**
     * An input stream from an SPI source, opened with a component context named {@code name}.
     * A {@link ReplayableSource}'s planner plans each batch on the batch-runner thread and its splits
     * (one partition each) are read in parallel; a {@link ReceiverSource}'s receiver starts with the
     * context and each batch takes what it stored by the batch time (in memory until the
     * write-ahead log lands: records accepted but not yet processed are lost on a crash).
     * {@code ReceiverContext.store} blocks while more than
     * {@link Builder#receiverMaxPendingRecords} records are accepted and unprocessed, and throws
     * {@link io.sluice.spi.RetriableException} once the context is stopping.
     *
     * @param config the source's validated configuration, handed to it as {@code context.config()}
     */
    public RecordStream source(String name, Source source, Config config) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(config, "config");
        if (source instanceof ReplayableSource<?> replayable) {
            return new RecordStream(this, replayableNode(name, replayable, config));
        }
        return new RecordStream(this, new ReceiverSourceNode(graph, name, (ReceiverSource) source, config,
                settings.shufflePartitions()));
    }

    /** A source created by {@code factory} from {@code config}; see {@link #source(String, Source, Config)}. */
    public RecordStream source(String name, SourceFactory factory, Config config) {
        return source(name, factory.create(config), config);
    }

    /** {@link #source(String, Source, Config)} with an empty configuration, for sources that take none. */
    public RecordStream source(String name, Source source) {
        return source(name, source, Config.builder(ConfigSpec.empty()).build());
    }

    private <S> ReplayableSourceNode<S> replayableNode(String name, ReplayableSource<S> source, Config config) {
        return new ReplayableSourceNode<>(graph, name, source, config);
    }

    /**
     * Like Spark's {@code queueStream} with {@code oneAtATime}: each batch takes the next list from
     * {@code queue} (an empty batch when there is none). The queue may be filled while running; use a
     * thread-safe queue or add under the queue's monitor. Never exhausted: the context runs until
     * stopped.
     */
    public <T> DStream<T> queueStream(String name, Queue<? extends List<T>> queue) {
        return queueStream(name, queue, false);
    }

    /**
     * A queue stream that, with {@code finishWhenDrained}, counts as a bounded source exhausted once
     * the queue is empty: when all sources are exhausted the context processes that batch and stops.
     */
    public <T> DStream<T> queueStream(String name, Queue<? extends List<T>> queue, boolean finishWhenDrained) {
        Objects.requireNonNull(queue, "queue");
        return new DStream<>(this, new QueueSourceNode<>(graph, name, queue, finishWhenDrained,
                settings.shufflePartitions()));
    }

    /**
     * Spark's {@code StreamingContext.union}: each batch, the elements of every stream, in list
     * order (their partitions one after the other). The streams must slide alike.
     *
     * @throws IllegalArgumentException if {@code streams} is empty or a stream belongs to another context
     */
    public <T> DStream<T> union(List<? extends DStream<T>> streams) {
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("union needs at least one stream");
        }
        if (streams.size() == 1) {
            return streams.get(0);
        }
        List<io.sluice.platform.engine.Node<T>> nodes = new java.util.ArrayList<>();
        for (DStream<T> stream : streams) {
            if (stream.context != this) {
                throw new IllegalArgumentException(stream.name() + " belongs to another streaming context");
            }
            nodes.add(stream.node);
        }
        return new DStream<>(this, new io.sluice.platform.engine.UnionNode<T>(nodes));
    }

    /** Adds a listener; listeners added after start see the batches finished from then on. */
    public void addListener(BatchListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Opens every component (sources' planners, readers and receivers, operators, sinks) and starts
     * the clock: batch {@code n} is cut at start + n * interval.
     *
     * @throws IllegalStateException if already started or stopped, or no output is registered
     * @throws RuntimeException      what a component threw while opening (the rest are closed again)
     */
    public synchronized void start() {
        if (state != State.INITIALIZED) {
            throw new IllegalStateException("streaming context '" + name() + "' is " + state
                    + "; a context starts once");
        }
        graph.freeze();
        EngineRuntime starting = new EngineRuntime(graph, environment, listeners, this::markStopped);
        try {
            starting.start();
        } catch (RuntimeException | Error e) {
            state = State.STOPPED;
            throw e;
        }
        runtime = starting;
        state = State.ACTIVE;
    }

    private synchronized void markStopped() {
        state = State.STOPPED;
    }

    /**
     * Stops the context. Graceful: receivers stop, what they stored goes into a last batch, queued
     * batches are processed, components close. Not graceful: receivers stop, running work is
     * interrupted, queued batches (and receiver records in them) are dropped. Returns once stopped,
     * except when called from inside a batch (a foreach-batch action or listener), where it only
     * starts the stop. Stopping a context that never started just marks it stopped.
     */
    public void stop(boolean graceful) {
        EngineRuntime running;
        synchronized (this) {
            if (state == State.INITIALIZED) {
                state = State.STOPPED;
                return;
            }
            running = runtime;
        }
        if (running != null) {
            running.stop(graceful);
        }
    }

    /**
     * Waits until the context stops.
     *
     * @throws BatchFailedException  if a batch failed for good
     * @throws IllegalStateException if the context was never started
     * @throws io.sluice.spi.SluiceException if closing a component failed
     */
    public void awaitTermination() throws InterruptedException {
        started().awaitTermination();
    }

    /**
     * Waits at most {@code timeout} for the context to stop.
     *
     * @return whether it stopped
     * @throws BatchFailedException if a batch failed for good
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return started().awaitTermination(Math.max(0, timeout.toMillis()));
    }

    private synchronized EngineRuntime started() {
        if (runtime == null) {
            throw new IllegalStateException("streaming context '" + name() + "' was never started");
        }
        return runtime;
    }

    public synchronized State state() {
        return state;
    }

    /**
     * The context's metrics, sampled now: {@code engine.batches_completed}, {@code engine.records_in},
     * {@code engine.bad_records}, {@code <component>.bad_records}, components' own metrics
     * ({@code <component>.<name>}), ...
     */
    public SortedMap<String, Double> metrics() {
        return metrics.snapshot();
    }

    /** Stops without waiting for queued batches: {@code stop(false)}. */
    @Override
    public void close() {
        stop(false);
    }

    StreamGraph graph() {
        return graph;
    }

    /** Resolves a record format now (graph-building time), not per record. */
    RecordFormat format(String name) {
        return formats.format(name);
    }

    @Override
    public String toString() {
        return "StreamingContext[" + name() + ", " + state() + "]";
    }

    /**
     * Configures a {@link StreamingContext}. Only the batch interval is required.
     *
     * <pre>{@code
     * StreamingContext ctx = StreamingContext.builder()
     *         .name("bus-occupancy")
     *         .batchInterval(Duration.ofSeconds(1))
     *         .parallelism(2)
     *         .listener(report -> log.info("{}", report))
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private String name = "sluice";
        private Duration batchInterval;
        private EngineClock clock = EngineClock.system();
        private int parallelism;
        private int shufflePartitions;
        private final List<BatchListener> listeners = new CopyOnWriteArrayList<>();
        private FormatLookup formats = FormatLookup.none();
        private java.util.function.Consumer<? super BadRecord> errorReporter = bad -> { };
        private int maxBatchAttempts = 3;
        private Duration retryBackoff = Duration.ofMillis(500);
        private int receiverMaxPendingRecords = 100_000;
        private Path checkpointDirectory;
        private int checkpointInterval = 10;
        private Durability walDurability = Durability.FSYNC;
        private boolean skipCorruptWal;
        private ValueCodec values = ValueCodec.standard();
        private boolean backpressure;
        private long initialRate;
        private long minRate = 100;
        private long maxRate;

        private Builder() {
        }

        private CheckpointSettings checkpointSettings() {
            return checkpointDirectory == null ? null
                    : new CheckpointSettings(checkpointDirectory, checkpointInterval, walDurability, skipCorruptWal,
                            values);
        }

        /**
         * Makes the context survive crashes (Spark's {@code checkpoint(dir)}): each batch's input is
         * logged before it is computed, receivers' records are written ahead before they are
         * acknowledged, and keyed state, windows and source positions are checkpointed. A context
         * started on a directory a previous run used resumes where that run stopped, re-running the
         * batches it had not finished. Queue streams cannot be recovered and are then refused.
         *
         * <p>State is matched to streams by name at restart: give stateful streams stable names
         * with {@code named(...)} so that editing other parts of the program keeps them matched.
         */
        public Builder checkpointDirectory(Path directory) {
            this.checkpointDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** A checkpoint every this many batches (default 10), and one at a graceful stop. */
        public Builder checkpointInterval(int batches) {
            this.checkpointInterval = requirePositive(batches, "checkpointInterval");
            return this;
        }

        /**
         * When a receiver's {@code store} returns (default {@link Durability#FSYNC}); with
         * {@code skipCorrupt}, a corrupt log entry found at restart is skipped and reported instead
         * of stopping the pipeline.
         */
        public Builder writeAheadLog(Durability durability, boolean skipCorrupt) {
            this.walDurability = Objects.requireNonNull(durability, "durability");
            this.skipCorruptWal = skipCorrupt;
            return this;
        }

        /**
         * Spark's backpressure: a PID controller adapts how many records each source may feed a
         * batch so that batches are processed within the batch interval, from the processing time
         * and scheduling delay of the batches before. Replayable sources plan fewer records;
         * receivers' {@code store} blocks sooner (an MQTT receiver holds its acks, a Flume source
         * answers FAILED), so a pipeline fed faster than it can go keeps a bounded delay and heap.
         *
         * @param initialRate records per second per source until the first measurement (0: unlimited)
         * @param minRate     the controller never goes below this (default 100)
         */
        public Builder backpressure(boolean enabled, long initialRate, long minRate) {
            this.backpressure = enabled;
            this.initialRate = initialRate;
            this.minRate = minRate;
            new BackpressureSettings(enabled, initialRate, minRate, maxRate);   // validates now
            return this;
        }

        /** Backpressure on or off (default off), unlimited until the first measurement. */
        public Builder backpressure(boolean enabled) {
            return backpressure(enabled, 0, minRate);
        }

        /** A fixed ceiling: records per second each source may feed (default: none). */
        public Builder maxRatePerSource(long recordsPerSecond) {
            this.maxRate = requirePositive(recordsPerSecond, "maxRatePerSource");
            return this;
        }

        /**
         * How checkpoints encode state values of {@code type}, for types beyond the built-in ones
         * (numbers, strings, records, lists, maps, Java records of those…).
         */
        public <T> Builder stateCodec(Class<T> type, TypeCodec<T> codec) {
            this.values = values.with(type, codec);
            return this;
        }

        /** The pipeline's name, in logs, thread names and component contexts; default {@code sluice}. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Time between batches; required, at least 1 ms. */
        public Builder batchInterval(Duration interval) {
            this.batchInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** Where time comes from; default {@link EngineClock#system()}. */
        public Builder clock(EngineClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Worker threads; default the number of available processors. */
        public Builder parallelism(int threads) {
            this.parallelism = requirePositive(threads, "parallelism");
            return this;
        }

        /**
         * Partitions of keyed steps (reduce-by-key, update-state, keyed operators) and of queue and
         * receiver input; default the parallelism. Results do not depend on the thread count when
         * this is fixed.
         */
        public Builder shufflePartitions(int partitions) {
            this.shufflePartitions = requirePositive(partitions, "shufflePartitions");
            return this;
        }

        /** Adds a listener told about every finished batch. */
        public Builder listener(BatchListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Record formats for components and {@link RecordStream#parse(String)}; default none. */
        public Builder formats(FormatLookup formats) {
            this.formats = Objects.requireNonNull(formats, "formats");
            return this;
        }

        /**
         * Where bad records go after being counted and logged (the dead-letter door); by default
         * they are only counted and logged.
         */
        public Builder errorReporter(java.util.function.Consumer<? super BadRecord> reporter) {
            this.errorReporter = Objects.requireNonNull(reporter, "reporter");
            return this;
        }

        /**
         * Attempts per batch failing with a retriable exception (default 3), and the wait before the
         * first retry (default 500 ms, doubled each time, on the engine clock).
         */
        public Builder batchRetries(int maxAttempts, Duration backoff) {
            this.maxBatchAttempts = requirePositive(maxAttempts, "maxAttempts");
            this.retryBackoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /** Records a receiver may have accepted but not yet processed before {@code store} blocks; default 100,000. */
        public Builder receiverMaxPendingRecords(int records) {
            this.receiverMaxPendingRecords = requirePositive(records, "receiverMaxPendingRecords");
            return this;
        }

        /**
         * @throws IllegalArgumentException if the batch interval is missing or below 1 ms
         */
        public StreamingContext build() {
            if (batchInterval == null) {
                throw new IllegalArgumentException("batchInterval is required");
            }
            return new StreamingContext(this);
        }

        private static long requirePositive(long value, String what) {
            if (value < 1) {
                throw new IllegalArgumentException(what + " must be at least 1: " + value);
            }
            return value;
        }

        private static int requirePositive(int value, String what) {
            if (value < 1) {
                throw new IllegalArgumentException(what + " must be at least 1: " + value);
            }
            return value;
        }
    }
}
