/**
 * The {@code kafka} source and sink, over Apache Kafka's Java client.
 *
 * <p>The source is replayable, like Spark's direct stream: on the scheduler thread a planner (an admin
 * client: metadata, offsets and group commits) turns each batch into one offset range per partition with
 * new data; the ranges are recorded with the batch, and worker threads read them with consumers of their own
 * (assign and seek, no group membership). A batch run again reads exactly its recorded ranges. Offsets are
 * committed to the consumer group after each completed batch, so lag tools work; the pipeline itself resumes
 * from its checkpointed position.
 *
 * <p>The sink writes records to topics made from their fields. At least once: an idempotent producer
 * ({@code acks=all}), flushed before a batch counts as written. Exactly once: one transactional producer per
 * sink, one transaction per batch, committed with the batch; the transaction also commits the batch id as the
 * offset of a marker partition for the group {@code <transactional id>-batches}, so a batch run again after
 * a crash is recognised and skipped, and {@code initTransactions()} fences any older instance.
 *
 * <pre>{@code
 * sources:
 *   events: {type: kafka, bootstrap-servers: [localhost:9092], topics: [bus-events], starting-offsets: earliest}
 * sinks:
 *   alerts-out: {type: kafka, from: alerts, bootstrap-servers: [localhost:9092], topic: bus-alerts,
 *                key-field: bus, delivery: exactly-once}
 * }</pre>
 */
package io.sluice.connectors.kafka;
