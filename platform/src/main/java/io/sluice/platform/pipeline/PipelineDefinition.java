package io.sluice.platform.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A validated pipeline: immutable, every reference resolved, no cycles. Sources, streams and
 * sinks are kept in the order of the file. Built by {@link PipelineLoader}.
 *
 * <pre>{@code
 * PipelineDefinition p = loader.load(Path.of("bus.yaml"));
 * p.batchInterval();                              // PT1S
 * for (StreamDefinition s : p.streamsInTopologicalOrder()) {
 *     boolean readsSource = p.sources().containsKey(s.from());
 * }
 * }</pre>
 */
public final class PipelineDefinition {
    private final String name;
    private final Duration batchInterval;
    private final Path checkpointDir;
    private final ExecutionSettings execution;
    private final Map<String, SourceDefinition> sources;
    private final Map<String, StreamDefinition> streams;
    private final Map<String, SinkDefinition> sinks;
    private final Location location;
    private final List<StreamDefinition> topological;

    /**
     * @throws IllegalArgumentException if a {@code from} names nothing, a name is both a source
     *                                  and a stream, or streams form a cycle (the loader reports
     *                                  these as problems before it gets here)
     */
    public PipelineDefinition(String name, Duration batchInterval, Optional<Path> checkpointDir,
            ExecutionSettings execution, List<SourceDefinition> sources, List<StreamDefinition> streams,
            List<SinkDefinition> sinks, Location location) {
        this.name = Objects.requireNonNull(name, "name");
        this.batchInterval = Objects.requireNonNull(batchInterval, "batchInterval");
        this.checkpointDir = checkpointDir.orElse(null);
        this.execution = Objects.requireNonNull(execution, "execution");
        this.sources = byName(sources, SourceDefinition::name);
        this.streams = byName(streams, StreamDefinition::name);
        this.sinks = byName(sinks, SinkDefinition::name);
        this.location = Objects.requireNonNull(location, "location");
        this.topological = topologicalOrder();
        for (SinkDefinition sink : sinks) {
            requireReadable(sink.from(), sink.path());
        }
    }

    public String name() {
        return name;
    }

    public Duration batchInterval() {
        return batchInterval;
    }

    /** Where state and batch logs go, if the file sets {@code checkpoint-dir}. */
    public Optional<Path> checkpointDir() {
        return Optional.ofNullable(checkpointDir);
    }

    /** Checkpoint interval, write-ahead log and rate control. */
    public ExecutionSettings execution() {
        return execution;
    }

    /** Sources by name, in file order. */
    public Map<String, SourceDefinition> sources() {
        return sources;
    }

    /** Streams by name, in file order. */
    public Map<String, StreamDefinition> streams() {
        return streams;
    }

    /** Sinks by name, in file order. */
    public Map<String, SinkDefinition> sinks() {
        return sinks;
    }

    /** The start of the file. */
    public Location location() {
        return location;
    }

    /**
     * The streams ordered so that each comes after the streams it reads (streams reading a source
     * keep their file order among themselves): build them in this order and every input exists.
     */
    public List<StreamDefinition> streamsInTopologicalOrder() {
        return topological;
    }

    private List<StreamDefinition> topologicalOrder() {
        Set<String> done = new LinkedHashSet<>();
        for (StreamDefinition stream : streams.values()) {
            if (sources.containsKey(stream.name())) {
                throw new IllegalArgumentException("'" + stream.name() + "' is both a source and a stream");
            }
            visit(stream, done, new LinkedHashSet<>());
        }
        List<StreamDefinition> out = new ArrayList<>(done.size());
        done.forEach(n -> out.add(streams.get(n)));
        return Collections.unmodifiableList(out);
    }

    private void visit(StreamDefinition stream, Set<String> done, Set<String> onPath) {
        if (done.contains(stream.name())) {
            return;
        }
        if (!onPath.add(stream.name())) {
            throw new IllegalArgumentException("streams form a cycle through '" + stream.name() + "'");
        }
        for (String input : stream.inputs()) {
            requireReadable(input, stream.path());
            StreamDefinition upstream = streams.get(input);
            if (upstream != null) {
                visit(upstream, done, onPath);
            }
        }
        done.add(stream.name());
    }

    private void requireReadable(String from, String path) {
        if (!sources.containsKey(from) && !streams.containsKey(from)) {
            throw new IllegalArgumentException(path + " reads '" + from + "', which is not a source or stream");
        }
    }

    private static <T> Map<String, T> byName(List<T> items, java.util.function.Function<T, String> name) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            if (map.put(name.apply(item), item) != null) {
                throw new IllegalArgumentException("'" + name.apply(item) + "' is defined twice");
            }
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public String toString() {
        return "pipeline '" + name + "' (" + sources.size() + " sources, " + streams.size() + " streams, "
                + sinks.size() + " sinks)";
    }
}
