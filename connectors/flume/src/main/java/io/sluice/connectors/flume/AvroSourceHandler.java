package io.sluice.connectors.flume;

import io.sluice.spi.Metrics;
import io.sluice.spi.Record;
import io.sluice.spi.RetriableException;
import io.sluice.spi.source.ReceiverContext;
import java.util.List;
import org.apache.flume.source.avro.AvroFlumeEvent;
import org.apache.flume.source.avro.AvroSourceProtocol;
import org.apache.flume.source.avro.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers Flume's {@code append} and {@code appendBatch}: {@code OK} only after
 * {@link ReceiverContext#store} returned, {@code FAILED} when the pipeline refused the events
 * (overloaded or stopping) or the batch is larger than the maximum, so the sender keeps them and
 * sends them again. Events whose body cannot be decoded are reported as dead letters once the rest
 * of their call was stored, and acknowledged with it: sending them again cannot help.
 *
 * <p>Called on Avro's caller threads, concurrently for different connections.
 */
final class AvroSourceHandler implements AvroSourceProtocol {
    private static final Logger log = LoggerFactory.getLogger(AvroSourceHandler.class);

    private final ReceiverContext context;
    private final FlumeEventDecoder decoder;
    private final StoreGate gate;
    private final StoreDeadlines deadlines;
    private final int maxBatchSize;
    private final Metrics.Counter accepted;
    private final Metrics.Counter refusedCalls;
    private final Metrics.Counter oversizedBatches;
    private final Metrics.Counter overloadedCalls;

    AvroSourceHandler(ReceiverContext context, FlumeEventDecoder decoder, StoreGate gate, StoreDeadlines deadlines,
            int maxBatchSize) {
        this.context = context;
        this.decoder = decoder;
        this.gate = gate;
        this.deadlines = deadlines;
        this.maxBatchSize = maxBatchSize;
        this.accepted = context.metrics().counter("events_accepted");
        this.refusedCalls = context.metrics().counter("calls_refused");
        this.oversizedBatches = context.metrics().counter("batches_too_large");
        this.overloadedCalls = context.metrics().counter("calls_timed_out_in_backpressure");
    }

    @Override
    public Status append(AvroFlumeEvent event) {
        return deliver(List.of(event), "append");
    }

    @Override
    public Status appendBatch(List<AvroFlumeEvent> events) {
        return deliver(events, "appendBatch");
    }

    private Status deliver(List<AvroFlumeEvent> events, String call) {
        if (events.size() > maxBatchSize) {
            oversizedBatches.increment();
            log.warn("{} refused an {} of {} events: max-batch-size is {}; lower the agent's batch-size (the agent "
                    + "keeps the events and retries)", context.componentName(), call, events.size(), maxBatchSize);
            return Status.FAILED;
        }
        if (!gate.enter()) {
            refusedCalls.increment();
            return Status.FAILED;
        }
        try {
            FlumeEventDecoder.Decoded decoded = decoder.decode(events, call);
            if (!decoded.records().isEmpty()) {
                storeWithinDeadline(decoded.records());
            }
            decoded.reportBadEvents(context.errors());
            accepted.increment(decoded.records().size());
            return Status.OK;
        } catch (RetriableException e) {
            refusedCalls.increment();
            log.debug("{} answered FAILED to an {} of {} events: {}", context.componentName(), call, events.size(),
                    e.getMessage());
            return Status.FAILED;
        } catch (InterruptedException e) {
            // Sent by StoreGate.close (stopping) or by the store deadline (backpressure for too
            // long): the events were not accepted and the sender keeps them. Whoever interrupted
            // clears the flag again (it was meant for this store only).
            refusedCalls.increment();
            log.debug("{} answered FAILED to an {} of {} events: {}", context.componentName(), call, events.size(),
                    gate.closed() ? "the source is stopping"
                            : "the pipeline did not take them within max-store-wait " + deadlines.maxWait());
            return Status.FAILED;
        } finally {
            gate.exit();
        }
    }

    private void storeWithinDeadline(List<Record> records) throws InterruptedException {
        StoreDeadlines.Deadline deadline = deadlines.start();
        try {
            context.store(records);
        } finally {
            if (deadline.finish()) {
                overloadedCalls.increment();
            }
        }
    }
}
