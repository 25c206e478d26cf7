/**
 * The Sluice service-provider interface: everything a plugin author compiles against.
 *
 * <p>A plugin contributes <em>components</em> through four pf4j extension points:
 * {@link io.sluice.spi.source.SourceFactory}, {@link io.sluice.spi.sink.SinkFactory},
 * {@link io.sluice.spi.operator.OperatorFactory} and (for steps over whole batches)
 * {@link io.sluice.spi.operator.BatchTransformFactory}. Each factory names its component type (the
 * {@code type:} used in pipeline YAML) and declares a typed {@link io.sluice.spi.config.ConfigSpec}
 * from which the platform validates pipelines, prints {@code sluice describe}, generates the JSON
 * Schema and the docs. Components receive everything they may use through a
 * {@link io.sluice.spi.ComponentContext}; nothing is reached through statics.
 *
 * <p>Data moves as immutable {@link io.sluice.spi.Record}s. Errors are unchecked and rooted at
 * {@link io.sluice.spi.SluiceException}.
 *
 * <p>Compatibility: types here change only on purpose. New methods arrive as {@code default}
 * methods with an {@code @since} tag; {@link io.sluice.spi.SpiVersion} is what a plugin's
 * {@code Plugin-Requires} is checked against.
 */
package io.sluice.spi;
