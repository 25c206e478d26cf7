package io.sluice.connectors.kafka;

import io.sluice.spi.ConnectorException;
import io.sluice.spi.Emitter;
import io.sluice.spi.RetriableException;
import io.sluice.spi.SluiceException;
import io.sluice.spi.source.SplitReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads exactly the offsets {@code [from, until)} of one partition with assign and seek. Worker threads
 * read different splits at the same time, so each thread has a consumer of its own (a Kafka consumer is
 * not thread-safe), created on its first split and closed by {@link #close()}. With read_committed,
 * aborted records and transaction markers occupy offsets that are never returned: a split is done when the
 * consumer's position reaches {@code until}, not when it has counted records.
 *
 * <p>When brokers are unreachable the consumer keeps trying; a split that makes no progress for
 * read-timeout fails with a {@link RetriableException}, so the engine runs the batch again later and
 * nothing is lost. Offsets already removed by retention follow on-offset-out-of-range.
 */
final class KafkaSplitReader implements SplitReader<OffsetRange> {
    private static final Logger log = LoggerFactory.getLogger(KafkaSplitReader.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final RecordDecoder decoder;
    private final String onOutOfRange;
    private final Duration readTimeout;
    private final Map<Thread, Consumer<byte[], byte[]>> byThread = new ConcurrentHashMap<>();

    KafkaSplitReader(Supplier<Consumer<byte[], byte[]>> consumers, RecordDecoder decoder, String onOutOfRange,
            Duration readTimeout) {
        this.consumers = consumers;
        this.decoder = decoder;
        this.onOutOfRange = onOutOfRange;
        this.readTimeout = readTimeout;
    }

    @Override
    public void read(OffsetRange split, Emitter out) {
        Consumer<byte[], byte[]> consumer = byThread.computeIfAbsent(Thread.currentThread(), t -> consumers.get());
        TopicPartition partition = split.topicPartition();
        try {
            consumer.assign(List.of(partition));
            consumer.seek(partition, split.from());
            readRange(consumer, split, partition, out);
        } catch (SluiceException e) {
            throw e;
        } catch (KafkaException e) {
            throw KafkaFailures.translate(e, "reading " + split);
        } finally {
            consumer.unsubscribe();
        }
    }

    private void readRange(Consumer<byte[], byte[]> consumer, OffsetRange split, TopicPartition partition, Emitter out) {
        long position = split.from();
        long lastProgress = System.nanoTime();
        while (position < split.until()) {
            ConsumerRecords<byte[], byte[]> polled;
            try {
                polled = consumer.poll(POLL);
            } catch (OffsetOutOfRangeException e) {
                if (!skipRemoved(consumer, split, partition, position)) {
                    return;
                }
                continue;
            }
            for (ConsumerRecord<byte[], byte[]> in : polled.records(partition)) {
                if (in.offset() >= split.until()) {
                    break;
                }
                decoder.decode(in, out);
            }
            long now = consumer.position(partition);
            if (now > position) {
                position = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > readTimeout.toNanos()) {
                throw new RetriableException("no progress reading " + split + " at offset " + position + " for "
                        + readTimeout + ": brokers unreachable or the partition has no leader; the batch will be run again");
            }
        }
    }

    /**
     * Offsets of the split were removed by retention after it was planned (or before it was run again).
     *
     * @return whether to go on reading (from the oldest offset still there)
     */
    private boolean skipRemoved(Consumer<byte[], byte[]> consumer, OffsetRange split, TopicPartition partition, long position) {
        String problem = "offsets from " + position + " of " + split + " were removed by retention before they were read";
        switch (onOutOfRange) {
            case KafkaSourceFactory.EARLIEST -> {
                consumer.seekToBeginning(List.of(partition));
                long start = consumer.position(partition);
                log.warn("{}; on-offset-out-of-range: earliest, reading on from offset {}", problem, start);
                return start < split.until();
            }
            case KafkaSourceFactory.LATEST -> {
                log.warn("{}; on-offset-out-of-range: latest, the rest of the split is skipped", problem);
                return false;
            }
            default -> throw new ConnectorException(problem + "; set on-offset-out-of-range: earliest (or latest) to "
                    + "skip them");
        }
    }

    @Override
    public void close() {
        for (Consumer<byte[], byte[]> consumer : byThread.values()) {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
        }
        byThread.clear();
    }
}
