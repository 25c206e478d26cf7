/**
 * Turns a validated {@link io.sluice.platform.pipeline.PipelineDefinition} into a
 * {@link io.sluice.platform.stream.StreamingContext}: the same DStream graph the Java API builds,
 * so there is one engine, not two. Each built-in step compiles to the Java API's operation of the
 * same name (flat-map to {@code flatMap}, reduce-by-key to {@code combineByKey}, group-by-key to
 * {@code groupByKey}, cogroup to {@code cogroup}, the windowed steps to their windowed operations,
 * incremental ones with a subtraction as inverse), batch-transform plugins to {@code transform} /
 * {@code transformWith}. Nodes that keep state across batches are named after their step's path
 * ({@code streams.s.steps[i]}) so checkpoints can match state to steps after a restart.
 */
package io.sluice.platform.compiler;
