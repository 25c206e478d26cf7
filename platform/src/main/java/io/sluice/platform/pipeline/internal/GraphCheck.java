package io.sluice.platform.pipeline.internal;

import io.sluice.platform.pipeline.Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks how sources, streams and sinks connect: names unique across sources and streams, every
 * {@code from} naming a source or stream, and no cycles between streams.
 */
final class GraphCheck {
    /** A stream or sink reading {@code from} (the scalar written after {@code from:}). */
    record Reader(String path, YamlNode.Scalar from) {
        String fromName() {
            return from.text();
        }
    }

    private final ProblemCollector problems;
    private final Map<String, Location> sources = new LinkedHashMap<>();
    private final Map<String, Location> streams = new LinkedHashMap<>();
    private final Map<String, Reader> streamReaders = new LinkedHashMap<>();
    private final List<Reader> sinkReaders = new ArrayList<>();

    GraphCheck(ProblemCollector problems) {
        this.problems = problems;
    }

    void source(String name, Location location) {
        sources.put(name, location);
    }

    void stream(String name, Location location) {
        streams.put(name, location);
    }

    void streamReads(String name, Reader reader) {
        streamReaders.put(name, reader);
    }

    void sinkReads(Reader reader) {
        sinkReaders.add(reader);
    }

    void check() {
        streams.forEach((name, location) -> {
            Location source = sources.get(name);
            if (source != null) {
                problems.add(location, "streams." + name, "'" + name + "' is already the name of a source (line "
                        + source.line() + "); names must be unique across sources and streams");
            }
        });
        List<String> defined = new ArrayList<>(sources.keySet());
        streams.keySet().stream().filter(n -> !sources.containsKey(n)).forEach(defined::add);
        List<Reader> readers = new ArrayList<>(streamReaders.values());
        readers.addAll(sinkReaders);
        for (Reader r : readers) {
            if (!defined.contains(r.fromName())) {
                problems.add(r.from().location(), Paths.child(r.path(), "from"), "'" + r.fromName()
                        + "' is not a source or stream" + DidYouMean.hint(r.fromName(), defined, "defined"));
            }
        }
        reportCycles();
    }

    /** Each stream reads one input, so following {@code from} either ends at a source or loops. */
    private void reportCycles() {
        Set<String> inReportedCycle = new HashSet<>();
        for (String start : streamReaders.keySet()) {
            Set<String> chain = new LinkedHashSet<>();
            String current = start;
            while (current != null && streamReaders.containsKey(current) && !sources.containsKey(current)
                    && chain.add(current)) {
                current = streamReaders.get(current).fromName();
            }
            if (current == null || !chain.contains(current) || inReportedCycle.contains(current)) {
                continue;
            }
            List<String> cycle = cycleThrough(current);
            inReportedCycle.addAll(cycle);
            String first = streamReaders.keySet().stream().filter(cycle::contains).findFirst().orElseThrow();
            Reader reader = streamReaders.get(first);
            problems.add(reader.from().location(), Paths.child(reader.path(), "from"),
                    "streams form a cycle: " + render(cycle, first) + " (each reads the one before it)");
        }
    }

    private List<String> cycleThrough(String member) {
        List<String> cycle = new ArrayList<>();
        String current = member;
        do {
            cycle.add(current);
            current = streamReaders.get(current).fromName();
        } while (!current.equals(member));
        return cycle;
    }

    /** The cycle in the direction data flows, starting and ending at {@code first}. */
    private String render(List<String> readsOrder, String first) {
        List<String> flow = new ArrayList<>(readsOrder);
        java.util.Collections.reverse(flow);
        int at = flow.indexOf(first);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= flow.size(); i++) {
            sb.append(i == 0 ? "" : " -> ").append(flow.get((at + i) % flow.size()));
        }
        return sb.toString();
    }
}
