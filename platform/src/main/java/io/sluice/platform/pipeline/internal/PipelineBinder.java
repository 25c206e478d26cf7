package io.sluice.platform.pipeline.internal;

import io.sluice.platform.pipeline.ExecutionSettings;
import io.sluice.platform.pipeline.PipelineDefinition;
import io.sluice.platform.pipeline.SinkDefinition;
import io.sluice.platform.pipeline.SourceDefinition;
import io.sluice.platform.pipeline.StreamDefinition;
import io.sluice.platform.plugin.Component;
import io.sluice.platform.plugin.ComponentKind;
import io.sluice.platform.plugin.ComponentRegistry;
import io.sluice.spi.ComponentFactory;
import io.sluice.spi.config.Config;
import io.sluice.spi.sink.SinkFactory;
import io.sluice.spi.source.SourceFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a pipeline file's tree into a {@link PipelineDefinition}: settings, sources, streams and
 * sinks bound to their components, then the graph checked. Every problem goes to the collector;
 * the definition is built only when there is none.
 */
public final class PipelineBinder {
    private final ComponentRegistry registry;
    private final ProblemCollector problems;
    private final ConfigBinder configs;
    private final Sections sections;

    public PipelineBinder(ComponentRegistry registry, ProblemCollector problems) {
        this.registry = registry;
        this.problems = problems;
        this.configs = new ConfigBinder(problems);
        this.sections = new Sections(problems);
    }

    /** The definition, or empty when any problem was reported (by this or an earlier stage). */
    public Optional<PipelineDefinition> bind(YamlNode root) {
        if (!(root instanceof YamlNode.Mapping mapping)) {
            problems.add(root.location(), "", "a pipeline file is a mapping with name, batch-interval, sources, "
                    + "streams and sinks, got " + root.describe());
            return Optional.empty();
        }
        Optional<Config> settings = configs.bindMapping(PipelineKeys.SPEC, mapping, PipelineKeys.SECTIONS, "",
                mapping.location());
        GraphCheck graph = new GraphCheck(problems);
        List<SourceDefinition> sources = sections.namedSection(mapping, "sources", true, "source")
                .map(s -> sources(s, graph)).orElse(List.of());
        List<StreamDefinition> streams = sections.namedSection(mapping, "streams", false, "stream")
                .map(s -> new StreamBinder(registry, problems, settings.flatMap(c -> c.find(PipelineKeys.BATCH_INTERVAL)))
                        .bind(s, graph)).orElse(List.of());
        List<SinkDefinition> sinks = sections.namedSection(mapping, "sinks", true, "sink")
                .map(s -> sinks(s, graph)).orElse(List.of());
        graph.check();
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        Config config = settings.orElseThrow(() -> new IllegalStateException("settings unbound without a problem"));
        ExecutionSettings execution = new ExecutionSettings(config.find(PipelineKeys.CHECKPOINT_INTERVAL),
                config.get(PipelineKeys.WRITE_AHEAD_LOG), config.get(PipelineKeys.WRITE_AHEAD_LOG_SKIP_CORRUPT),
                config.get(PipelineKeys.BACKPRESSURE),
                config.find(PipelineKeys.BACKPRESSURE_INITIAL_RATE), config.find(PipelineKeys.MAX_RATE_PER_SOURCE));
        PipelineDefinition pipeline = new PipelineDefinition(config.get(PipelineKeys.NAME),
                config.get(PipelineKeys.BATCH_INTERVAL), config.find(PipelineKeys.CHECKPOINT_DIR).map(Path::of),
                execution, sources, streams, sinks, problems.source().start());
        SlideCheck.check(pipeline, problems);
        return problems.isEmpty() ? Optional.of(pipeline) : Optional.empty();
    }

    private List<SourceDefinition> sources(YamlNode.Mapping section, GraphCheck graph) {
        List<SourceDefinition> out = new ArrayList<>();
        for (YamlNode.Entry entry : section.entries()) {
            String path = "sources." + entry.key();
            graph.source(entry.key(), entry.keyLocation());
            boolean named = sections.checkName(entry, path);
            sections.body(entry, path, "the source's type and settings").ifPresent(body -> {
                Optional<Component<SourceFactory>> component = component(body, path, entry, ComponentKind.SOURCE,
                        registry::source);
                Optional<Config> config = component.flatMap(c -> configs.bindMapping(c.factory().configSpec(), body,
                        List.of("type"), path, entry.keyLocation()));
                if (named && config.isPresent()) {
                    out.add(new SourceDefinition(entry.key(), component.get(), config.get(), entry.keyLocation()));
                }
            });
        }
        return out;
    }

    private List<SinkDefinition> sinks(YamlNode.Mapping section, GraphCheck graph) {
        List<SinkDefinition> out = new ArrayList<>();
        for (YamlNode.Entry entry : section.entries()) {
            String path = "sinks." + entry.key();
            boolean named = sections.checkName(entry, path);
            sections.body(entry, path, "the sink's type, from and settings").ifPresent(body -> {
                Optional<Component<SinkFactory>> component = component(body, path, entry, ComponentKind.SINK,
                        registry::sink);
                Optional<YamlNode.Scalar> from = sections.nameValue(body, "from", path, entry.keyLocation(),
                        "the name of a source or stream");
                from.ifPresent(f -> graph.sinkReads(new GraphCheck.Reader(Paths.child(path, "from"), f)));
                Optional<Config> config = component.flatMap(c -> configs.bindMapping(c.factory().configSpec(), body,
                        List.of("type", "from"), path, entry.keyLocation()));
                if (named && from.isPresent() && config.isPresent()) {
                    out.add(new SinkDefinition(entry.key(), from.get().text(), component.get(), config.get(),
                            entry.keyLocation()));
                }
            });
        }
        return out;
    }

    /** The component named by the definition's {@code type}, or empty when a problem was reported. */
    private <F extends ComponentFactory> Optional<Component<F>> component(YamlNode.Mapping body, String path,
            YamlNode.Entry definition, ComponentKind kind, Function<String, Optional<Component<F>>> lookup) {
        Optional<YamlNode.Scalar> type = sections.nameValue(body, "type", path, definition.keyLocation(),
                "a " + kind.label() + " type");
        if (type.isEmpty()) {
            // Without a type the other keys cannot be checked, except for a misspelt 'type' itself.
            body.entries().stream().filter(e -> DidYouMean.closest(e.key(), List.of("type")).isPresent()
                    && !e.key().equals("type")).findFirst().ifPresent(e -> problems.unknownKey(e, path, List.of("type")));
            return Optional.empty();
        }
        String name = type.get().text();
        Optional<Component<F>> component = lookup.apply(name);
        if (component.isEmpty()) {
            List<String> known = registry.types(kind);
            problems.add(type.get().location(), Paths.child(path, "type"), "unknown " + kind.label() + " type '" + name
                    + "'" + (known.isEmpty() ? "; no " + kind.label() + " types are installed (check the plugins directory)"
                            : DidYouMean.hint(name, known, "known " + kind.label() + " types")));
        }
        return component;
    }
}
