/**
 * Operators: record-level transformation steps that a pipeline names in its {@code steps:}
 * ({@code - filter: "occupancy >= capacity"}). An operator is applied to every record of every
 * partition, may emit zero or more records per input, and may keep keyed state.
 */
package io.sluice.spi.operator;
