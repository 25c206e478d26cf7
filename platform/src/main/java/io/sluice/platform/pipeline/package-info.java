/**
 * Pipeline files: reading YAML into a validated, immutable
 * {@link io.sluice.platform.pipeline.PipelineDefinition}, and the JSON Schema of pipeline files.
 *
 * <p>{@link io.sluice.platform.pipeline.PipelineLoader} reads a file, interpolates
 * {@code ${ENV_VAR:default}} values, binds every source, sink and step to its component in the
 * {@link io.sluice.platform.plugin.ComponentRegistry} with a validated
 * {@link io.sluice.spi.config.Config}, checks the graph (references, unique names, cycles) and
 * validates the file against {@link io.sluice.platform.pipeline.PipelineSchema}. It reports
 * every problem at once, each as {@code file:line:col: path: message}, in a
 * {@link io.sluice.platform.pipeline.PipelineValidationException}.
 *
 * <pre>{@code
 * PipelineLoader loader = new PipelineLoader(registry, System.getenv());
 * try {
 *     PipelineDefinition pipeline = loader.load(Path.of("examples/bus-occupancy.yaml"));
 *     for (StreamDefinition stream : pipeline.streamsInTopologicalOrder()) { ... }
 * } catch (PipelineValidationException e) {
 *     e.problems().forEach(System.err::println);   // examples/bus.yaml:12:7: sinks.out.from: ...
 * }
 * }</pre>
 *
 * <p>Compiling a definition into the engine's graph is not done here. Classes in the
 * {@code internal} sub-package are not API.
 */
package io.sluice.platform.pipeline;
