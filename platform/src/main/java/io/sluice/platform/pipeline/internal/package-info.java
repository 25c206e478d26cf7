/**
 * How pipeline files are read and checked: the located YAML tree, {@code ${VAR}} interpolation,
 * binding configuration to component specs, graph checks, JSON Schema generation and the
 * schema check. Not API: use {@link io.sluice.platform.pipeline.PipelineLoader} and
 * {@link io.sluice.platform.pipeline.PipelineSchema}.
 */
package io.sluice.platform.pipeline.internal;
