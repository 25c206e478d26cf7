package io.sluice.platform.pipeline.internal;

import io.sluice.platform.pipeline.StepDefinition;
import io.sluice.platform.pipeline.StreamDefinition;
import io.sluice.platform.plugin.ComponentRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Binds the {@code streams} section: each stream's {@code from} and its steps. */
final class StreamBinder {
    private static final List<String> KEYS = List.of("from", "steps");

    private final ProblemCollector problems;
    private final Sections sections;
    private final StepBinder steps;

    /** @param batchInterval the pipeline's batch interval, if valid (window steps are checked against it) */
    StreamBinder(ComponentRegistry registry, ProblemCollector problems, Optional<Duration> batchInterval) {
        this.problems = problems;
        this.sections = new Sections(problems);
        this.steps = new StepBinder(registry, problems, batchInterval);
    }

    /** Binds every stream; records names and inputs in {@code graph}; returns those that bound fully. */
    List<StreamDefinition> bind(YamlNode.Mapping section, GraphCheck graph) {
        List<StreamDefinition> out = new ArrayList<>();
        for (YamlNode.Entry entry : section.entries()) {
            String path = "streams." + entry.key();
            graph.stream(entry.key(), entry.keyLocation());
            boolean named = sections.checkName(entry, path);
            Optional<YamlNode.Mapping> body = sections.body(entry, path, "from and steps");
            if (body.isEmpty()) {
                continue;
            }
            boolean knownKeys = checkKeys(body.get(), path);
            Optional<YamlNode.Scalar> from = sections.nameValue(body.get(), "from", path, entry.keyLocation(),
                    "the name of a source or stream");
            from.ifPresent(f -> graph.streamReads(entry.key(), new GraphCheck.Reader(Paths.child(path, "from"), f)));
            Optional<List<StepDefinition>> bound = steps(body.get(), path, entry.key(), graph);
            if (named && knownKeys && from.isPresent() && bound.isPresent()) {
                out.add(new StreamDefinition(entry.key(), from.get().text(), bound.get(), entry.keyLocation()));
            }
        }
        return out;
    }

    private boolean checkKeys(YamlNode.Mapping body, String path) {
        boolean ok = true;
        for (YamlNode.Entry e : body.entries()) {
            if (!KEYS.contains(e.key())) {
                problems.unknownKey(e, path, KEYS);
                ok = false;
            }
        }
        return ok;
    }

    /** The stream's steps; no {@code steps} or an empty one is no steps. */
    private Optional<List<StepDefinition>> steps(YamlNode.Mapping body, String path, String stream, GraphCheck graph) {
        Optional<YamlNode.Entry> entry = body.entry("steps");
        String stepsPath = Paths.child(path, "steps");
        if (entry.isEmpty() || entry.get().value() instanceof YamlNode.Scalar s && s.isNull()) {
            return Optional.of(List.of());
        }
        if (!(entry.get().value() instanceof YamlNode.Sequence sequence)) {
            problems.add(entry.get().value().location(), stepsPath, "must be a list of steps (each '- TYPE: CONFIG'),"
                    + " got " + entry.get().value().describe());
            return Optional.empty();
        }
        List<StepDefinition> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < sequence.items().size(); i++) {
            YamlNode item = sequence.items().get(i);
            Optional<StepDefinition> step = steps.bind(item, Paths.index(stepsPath, i));
            step.ifPresent(out::add);
            step.ifPresent(s -> StepReferences.of(s, item)
                    .forEach(reader -> graph.streamReads(stream, reader)));
            ok &= step.isPresent();
        }
        return ok ? Optional.of(out) : Optional.empty();
    }
}
