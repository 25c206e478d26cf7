/**
 * Turns a validated {@link io.sluice.platform.pipeline.PipelineDefinition} into a
 * {@link io.sluice.platform.stream.StreamingContext}: the same DStream graph the Java API builds,
 * so there is one engine, not two.
 */
package io.sluice.platform.compiler;
