/**
 * Sources: where a pipeline's data comes from. There are two kinds, because they need different
 * reliability machinery.
 *
 * <ul>
 *   <li>{@link io.sluice.spi.source.ReplayableSource} (files, generators, Kafka): a
 *   {@link io.sluice.spi.source.SplitPlanner} turns each batch into immutable splits (a file range,
 *   an offset range) that the engine records with the batch; a
 *   {@link io.sluice.spi.source.SplitReader} turns a split into records. Reading a recorded split
 *   again yields the same records, so a batch cut off by a crash is re-run exactly.</li>
 *   <li>{@link io.sluice.spi.source.ReceiverSource} (MQTT, Flume, social streams): a long-running
 *   {@link io.sluice.spi.source.Receiver} hands records to
 *   {@link io.sluice.spi.source.ReceiverContext#store}, which returns only once the platform has
 *   accepted them; only then does the receiver acknowledge upstream.</li>
 * </ul>
 */
package io.sluice.spi.source;
