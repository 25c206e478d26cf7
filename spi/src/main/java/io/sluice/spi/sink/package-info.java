/**
 * Sinks: where each batch's output goes. A sink receives every partition of a batch's output with
 * the batch id, then a commit call once all partitions are written, so it can write idempotently
 * (keyed by batch id, e.g. one file per batch renamed into place) or transactionally (e.g. one
 * Kafka transaction per batch) for exactly-once output.
 */
package io.sluice.spi.sink;
