package io.sluice.connectors.kafka;

import io.sluice.spi.BatchInfo;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/** How the sink's producer delivers a batch: at least once, or exactly once in a transaction. */
interface Delivery extends AutoCloseable {
    /** Sends one partition of a batch (worker threads, concurrently for different partitions). */
    void write(BatchInfo batch, int partition, List<ProducerRecord<byte[], byte[]>> records);

    /** Makes the batch durable and visible (scheduler thread, after every write of the batch returned). */
    void commit(BatchInfo batch);

    @Override
    void close();
}
