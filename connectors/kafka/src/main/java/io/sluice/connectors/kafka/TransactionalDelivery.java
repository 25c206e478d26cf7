package io.sluice.connectors.kafka;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.ConnectorException;
import io.sluice.spi.RetriableException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once output: one transactional producer (a stable {@code transactional.id}) and one transaction per
 * batch, begun by the batch's first non-empty write and committed by {@code commit}, together with the
 * {@link BatchMarker} that records the batch id. On open, {@code initTransactions()} fences any older instance
 * with the same id (its late writes fail) and settles the transaction it may have left open; then the marker
 * says which batches are already committed, and those are skipped when the engine runs them again.
 *
 * <p>A batch the engine retries is written again in the same sink: a write to a partition already written in
 * the open transaction shows a new attempt, so the transaction is aborted and begun again. Partitions of the new
 * attempt that were written before that moment went down with the aborted transaction; {@code commit} notices
 * (not every partition was written since the transaction began), aborts and fails the batch retriably, and the
 * next attempt writes everything into a fresh transaction.
 */
final class TransactionalDelivery implements Delivery {
    private static final Logger log = LoggerFactory.getLogger(TransactionalDelivery.class);

    private final Supplier<Producer<byte[], byte[]>> producers;
    private final String transactionalId;
    private final BatchMarker marker;
    private final String markerTopic;
    private final Duration timeout;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private Producer<byte[], byte[]> producer;
    private BatchMarker.Committed lastCommitted = BatchMarker.NONE;
    private boolean restartReported;
    private long batchId = -1;
    private long batchTimeMillis;
    private boolean inTransaction;
    private boolean commitInDoubt;
    private int partitions;
    private final Set<Integer> written = new HashSet<>();
    private final AtomicReference<String> firstTopic = new AtomicReference<>();
    private long skippedReported = -1;

    /**
     * @param markerTopic the topic whose partition 0 carries the marker, or {@code null} for the first topic the
     *                    batch writes to
     */
    TransactionalDelivery(Supplier<Producer<byte[], byte[]>> producers, String transactionalId, BatchMarker marker,
            String markerTopic, Duration timeout) {
        this.producers = producers;
        this.transactionalId = transactionalId;
        this.marker = marker;
        this.markerTopic = markerTopic;
        this.timeout = timeout;
    }

    /** Fences older instances, settles what they left open, and learns the last committed batch. */
    void open(Admin admin) {
        producer = initialized();
        lastCommitted = marker.lastCommitted(admin, timeout);
        log.info("transactional id {}: last committed batch {}", transactionalId, lastCommitted.id());
    }

    @Override
    public void write(BatchInfo batch, int partition, List<ProducerRecord<byte[], byte[]>> records) {
        lock.writeLock().lock();
        try {
            settleCommitInDoubt();
            if (alreadyCommitted(batch)) {
                return;
            }
            if (batchId != batch.id()) {
                if (inTransaction) {
                    log.warn("transactional id {}: batch {} was never committed; aborting its transaction", transactionalId, batchId);
                    abort();
                }
                batchId = batch.id();
                batchTimeMillis = batch.time().toEpochMilli();
                partitions = 0;
                written.clear();
            } else if (written.contains(partition)) {
                log.info("transactional id {}: batch {} is written again (a retry): its open transaction is aborted",
                        transactionalId, batchId);
                abort();
                written.clear();
            }
            written.add(partition);
            partitions = Math.max(partitions, partition + 1);
            if (!records.isEmpty() && !inTransaction) {
                begin();
            }
            lock.readLock().lock();   // downgrade: sends run concurrently, begin/abort/commit wait for them
        } finally {
            lock.writeLock().unlock();
        }
        try {
            for (ProducerRecord<byte[], byte[]> record : records) {
                firstTopic.compareAndSet(null, record.topic());
                producer.send(record);
            }
        } catch (ProducerFencedException e) {
            throw fenced(e);
        } catch (KafkaException e) {
            throw KafkaFailures.translate(e, "batch " + batch.id() + " partition " + partition + ": sending");
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void commit(BatchInfo batch) {
        lock.writeLock().lock();
        try {
            settleCommitInDoubt();
            if (alreadyCommitted(batch)) {
                return;
            }
            if (batchId != batch.id() || !inTransaction) {
                return;   // nothing written: every partition was empty
            }
            if (written.size() != partitions) {
                abort();
                written.clear();
                throw new RetriableException("batch " + batch.id() + ": an earlier attempt's transaction was aborted after "
                        + "part of this attempt was written into it; the batch is run again into a fresh transaction");
            }
            String topic = markerTopic != null ? markerTopic : firstTopic.get();
            try {
                producer.sendOffsetsToTransaction(marker.marking(batch, topic), marker.groupMetadata());
                producer.commitTransaction();
            } catch (ProducerFencedException e) {
                throw fenced(e);
            } catch (TimeoutException e) {
                commitInDoubt = true;
                throw new RetriableException("batch " + batch.id() + ": committing its transaction timed out; the commit "
                        + "is completed before anything else", e);
            } catch (KafkaException e) {
                abort();
                throw KafkaFailures.translate(e, "batch " + batch.id() + ": committing its transaction");
            }
            inTransaction = false;
            lastCommitted = new BatchMarker.Committed(batch.id(), batch.time().toEpochMilli());
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void begin() {
        try {
            producer.beginTransaction();
        } catch (ProducerFencedException e) {
            throw fenced(e);
        }
        inTransaction = true;
        firstTopic.set(null);
    }

    /** Aborts the open transaction, if any; a producer that cannot abort any more is replaced. */
    private void abort() {
        if (!inTransaction) {
            return;
        }
        inTransaction = false;
        try {
            producer.abortTransaction();
        } catch (ProducerFencedException e) {
            throw fenced(e);
        } catch (KafkaException e) {
            log.warn("transactional id {}: abort failed ({}); starting a new producer, which aborts it", transactionalId, e.toString());
            producer.close(Duration.ZERO);
            producer = initialized();
        }
    }

    /** A commit that timed out must be retried before anything else (Kafka allows nothing else meanwhile). */
    private void settleCommitInDoubt() {
        if (!commitInDoubt) {
            return;
        }
        try {
            producer.commitTransaction();
        } catch (ProducerFencedException e) {
            throw fenced(e);
        } catch (KafkaException e) {
            throw KafkaFailures.translate(e, "batch " + batchId + ": completing a commit that timed out");
        }
        commitInDoubt = false;
        inTransaction = false;
        lastCommitted = new BatchMarker.Committed(batchId, batchTimeMillis);
    }

    private Producer<byte[], byte[]> initialized() {
        Producer<byte[], byte[]> p = producers.get();
        try {
            p.initTransactions();
            return p;
        } catch (ProducerFencedException e) {
            p.close(Duration.ZERO);
            throw fenced(e);
        } catch (KafkaException e) {
            p.close(Duration.ZERO);
            throw KafkaFailures.translate(e, "initialising transactions for transactional id " + transactionalId);
        }
    }

    /** Whether {@code batch} is the last committed one, run again; reported once per batch. */
    private boolean alreadyCommitted(BatchInfo batch) {
        if (lastCommitted.isSameBatch(batch)) {
            if (skippedReported != batch.id()) {
                skippedReported = batch.id();
                log.info("transactional id {}: batch {} was already committed; not written again", transactionalId, batch.id());
            }
            return true;
        }
        if (batch.id() <= lastCommitted.id() && !restartReported) {
            restartReported = true;
            log.warn("transactional id {}: batch {} follows committed batch {} with another batch time: the pipeline "
                    + "numbers its batches afresh (no batch log), so its batches are written as new ones",
                    transactionalId, batch.id(), lastCommitted.id());
        }
        return false;
    }

    private ConnectorException fenced(ProducerFencedException e) {
        return new ConnectorException("transactional id " + transactionalId + ": another sink instance with the same "
                + "transactional id took over (this one is fenced); run one pipeline per transactional-id-prefix", e);
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(timeout);
        }
    }
}
