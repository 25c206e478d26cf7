/**
 * The {@code generator} source: synthetic, deterministic events (the bus-sensor events of the
 * bus-occupancy workload), planned as immutable event-number ranges, so any batch can be read again
 * exactly. It feeds the examples and the benchmark.
 *
 * <pre>{@code
 * sources:
 *   sensors:
 *     type: generator
 *     workload: bus-sensors
 *     events-per-batch: 20000
 *     limit: 200000
 * }</pre>
 */
package io.sluice.connectors.generator;
