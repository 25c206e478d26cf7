/**
 * The {@code console} sink: prints the first records of each batch to standard output, like Spark
 * Streaming's {@code print()}, for examples and debugging.
 *
 * <pre>{@code
 * sinks:
 *   alerts-console:
 *     type: console
 *     from: alerts
 *     max-records: 20
 * }</pre>
 */
package io.sluice.connectors.console;
