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
    /**
     * A stream or sink reading a source or stream: its {@code from}, or a step's reference
     * ({@code union}, {@code join}).
     *
     * @param path where the reference is, e.g. {@code streams.a.from} or {@code streams.a.steps[2].join.with}
     * @param from the scalar that names what is read
     */
    record Reader(String path, YamlNode.Scalar from) {
        String fromName() {
            return from.text();
        }
    }

    private final ProblemCollector problems;
    private final Map<String, Location> sources = new LinkedHashMap<>();
    private final Map<String, Location> streams = new LinkedHashMap<>();
    private final Map<String, List<Reader>> streamReaders = new LinkedHashMap<>();
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

    /** Records that stream {@code name} reads what {@code reader} names ({@code from} first, then steps). */
    void streamReads(String name, Reader reader) {
        streamReaders.computeIfAbsent(name, n -> new ArrayList<>()).add(reader);
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
        List<Reader> readers = new ArrayList<>();
        streamReaders.values().forEach(readers::addAll);
        readers.addAll(sinkReaders);
        for (Reader r : readers) {
            if (!defined.contains(r.fromName())) {
                problems.add(r.from().location(), r.path(), "'" + r.fromName()
                        + "' is not a source or stream" + DidYouMean.hint(r.fromName(), defined, "defined"));
            }
        }
        reportCycles();
    }

    /**
     * Follows what streams read, depth first in file order ({@code from} before step references);
     * each cycle is reported once, at the reference of its first stream in file order.
     */
    private void reportCycles() {
        Set<String> finished = new HashSet<>();
        Set<String> inReportedCycle = new HashSet<>();
        for (String start : streamReaders.keySet()) {
            visit(start, new ArrayList<>(), finished, inReportedCycle);
        }
    }

    private void visit(String stream, List<String> path, Set<String> finished, Set<String> inReportedCycle) {
        if (finished.contains(stream) || !streamReaders.containsKey(stream) || sources.containsKey(stream)) {
            return;
        }
        int at = path.indexOf(stream);
        if (at >= 0) {
            List<String> cycle = List.copyOf(path.subList(at, path.size()));
            if (cycle.stream().noneMatch(inReportedCycle::contains)) {
                inReportedCycle.addAll(cycle);
                report(cycle);
            }
            return;
        }
        path.add(stream);
        for (Reader reader : streamReaders.get(stream)) {
            visit(reader.fromName(), path, finished, inReportedCycle);
        }
        path.remove(path.size() - 1);
        finished.add(stream);
    }

    /** {@code readsOrder}: each member reads the next, the last reads the first. */
    private void report(List<String> readsOrder) {
        String first = streamReaders.keySet().stream().filter(readsOrder::contains).findFirst().orElseThrow();
        String next = readsOrder.get((readsOrder.indexOf(first) + 1) % readsOrder.size());
        Reader reader = streamReaders.get(first).stream().filter(r -> r.fromName().equals(next)).findFirst()
                .orElseThrow();
        problems.add(reader.from().location(), reader.path(),
                "streams form a cycle: " + render(readsOrder, first) + " (each reads the one before it)");
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
