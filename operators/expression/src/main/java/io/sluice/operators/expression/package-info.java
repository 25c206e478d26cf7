/**
 * The {@code filter} and {@code map} operators and the {@code sort} batch transform: expressions over a record's fields (plus {@code key}
 * and {@code timestamp}), written in a sandboxed subset of Apache Commons JEXL: arithmetic,
 * comparisons, logic, {@code ? :}, string and regex operators, list and map literals and the
 * built-in functions ({@code size}, {@code empty}). No scripts, loops, assignments, {@code new},
 * lambdas, method calls, pragmas or annotations; JEXL's RESTRICTED permissions (no reflection, I/O,
 * threads or class loading) on top. Each expression is compiled once per pipeline step, when the step
 * is created (and when the pipeline is validated, so a bad expression is reported with its column).
 *
 * <pre>{@code
 * steps:
 *   - filter: "occupancy >= capacity"
 *   - map: {bus: "key", occupancy: "occupancy", over: "occupancy - capacity"}
 *   - sort: {by: "occupancy - capacity", descending: true, limit: 10}
 * }</pre>
 */
package io.sluice.operators.expression;
