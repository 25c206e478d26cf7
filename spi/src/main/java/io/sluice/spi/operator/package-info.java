/**
 * Operators: record-level transformation steps that a pipeline names in its {@code steps:}
 * ({@code - filter: "occupancy >= capacity"}). An operator is applied to every record of every
 * partition, may emit zero or more records per input, and may keep keyed state. A
 * {@link io.sluice.spi.operator.BatchTransform} is a step over whole batches instead (Spark's
 * {@code transform} / {@code transformWith}), created by a
 * {@link io.sluice.spi.operator.BatchTransformFactory}.
 */
package io.sluice.spi.operator;
