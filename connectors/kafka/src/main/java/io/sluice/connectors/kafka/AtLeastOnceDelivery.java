package io.sluice.connectors.kafka;

import io.sluice.spi.BatchInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * An idempotent producer with {@code acks=all}: a partition's write returns once the brokers acknowledged all
 * its records, and a failure fails the batch, which the engine runs again (so a retried batch may write some
 * records twice: at least once). Within one run the idempotent producer writes no duplicates of its own.
 */
final class AtLeastOnceDelivery implements Delivery {
    private final Producer<byte[], byte[]> producer;
    private final Duration timeout;

    AtLeastOnceDelivery(Producer<byte[], byte[]> producer, Duration timeout) {
        this.producer = producer;
        this.timeout = timeout;
    }

    @Override
    public void write(BatchInfo batch, int partition, List<ProducerRecord<byte[], byte[]>> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        try {
            for (ProducerRecord<byte[], byte[]> record : records) {
                sent.add(producer.send(record));
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            for (Future<RecordMetadata> f : sent) {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw KafkaFailures.translate(e.getCause(), "batch " + batch.id() + " partition " + partition + ": sending");
        } catch (TimeoutException e) {
            throw new io.sluice.spi.RetriableException("batch " + batch.id() + " partition " + partition + ": the brokers "
                    + "did not acknowledge " + sent.size() + " records within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.sluice.spi.RetriableException("batch " + batch.id() + ": interrupted while sending", e);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw KafkaFailures.translate(e, "batch " + batch.id() + " partition " + partition + ": sending");
        }
    }

    @Override
    public void commit(BatchInfo batch) {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(timeout);
    }
}
