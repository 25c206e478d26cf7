package io.sluice.connectors.flume;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.ErrorReporter;
import io.sluice.spi.Metrics;
import io.sluice.spi.Record;
import io.sluice.spi.RetriableException;
import io.sluice.spi.SluiceException;
import io.sluice.spi.sink.Sink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flume.Event;
import org.apache.flume.EventDeliveryException;
import org.apache.flume.FlumeException;
import org.apache.flume.api.RpcClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each partition of a batch as Flume events, {@code batch-size} events per
 * {@code appendBatch} call, through one SDK client (created on first use and again after a
 * failure). A call Flume does not acknowledge is tried again after a doubling backoff, up to
 * {@code max-attempts}; then {@link #write} throws a {@link RetriableException} and the engine runs
 * the batch again. At-least-once: events of a batch run again, or of a call that timed out after
 * Flume took it, are delivered twice. Records the format cannot encode go to the error reporter.
 *
 * <p>Partitions are written concurrently by the engine; the calls share one client and are sent
 * one at a time.
 */
final class FlumeSink implements Sink {
    private static final Logger log = LoggerFactory.getLogger(FlumeSink.class);

    private final FlumeSinkSettings settings;
    private final RpcClients clients;
    private final Sleeper sleeper;
    private String name;
    private FlumeEventEncoder encoder;
    private ErrorReporter errors;
    private Metrics.Counter sent;
    private Metrics.Counter failedAttempts;
    private RpcClient client;

    FlumeSink(FlumeSinkSettings settings, RpcClients clients, Sleeper sleeper) {
        this.settings = settings;
        this.clients = clients;
        this.sleeper = sleeper;
    }

    @Override
    public void open(ComponentContext context) {
        name = context.componentName();
        encoder = new FlumeEventEncoder(context.format(settings.format()), settings.headerFields());
        errors = context.errors();
        sent = context.metrics().counter("events_sent");
        failedAttempts = context.metrics().counter("failed_attempts");
        log.info("flume sink {} sends to {}", name, settings.hosts());
    }

    @Override
    public void write(BatchInfo batch, int partition, List<Record> records) {
        List<Event> events = new ArrayList<>(Math.min(records.size(), settings.batchSize()));
        for (Record record : records) {
            try {
                events.add(encoder.encode(record));
            } catch (BadRecordException e) {
                errors.report(record, e);
                continue;
            }
            if (events.size() == settings.batchSize()) {
                send(events, batch, partition);
                events = new ArrayList<>(settings.batchSize());
            }
        }
        if (!events.isEmpty()) {
            send(events, batch, partition);
        }
    }

    /**
     * @throws RetriableException if Flume did not acknowledge the events within {@code max-attempts}
     */
    private synchronized void send(List<Event> events, BatchInfo batch, int partition) {
        Duration backoff = settings.retryBackoff();
        Exception last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            try {
                client().appendBatch(events);
                sent.increment(events.size());
                return;
            } catch (EventDeliveryException | FlumeException e) {
                last = e;
                failedAttempts.increment();
                discardClient();
                log.warn("flume sink {}: attempt {} of {} to send {} events of batch {} partition {} failed: {}", name,
                        attempt, settings.maxAttempts(), events.size(), batch.id(), partition, e.getMessage());
            }
            if (attempt < settings.maxAttempts()) {
                pause(backoff);
                backoff = min(backoff.multipliedBy(2), settings.maxRetryBackoff());
            }
        }
        throw new RetriableException("flume sink " + name + ": " + settings.hosts() + " did not accept " + events.size()
                + " events of batch " + batch.id() + " partition " + partition + " in " + settings.maxAttempts()
                + " attempts: " + last.getMessage(), last);
    }

    private RpcClient client() {
        if (client == null || !client.isActive()) {
            discardClient();
            client = clients.create(settings.clientProperties());
        }
        return client;
    }

    private void discardClient() {
        if (client != null) {
            RpcClient broken = client;
            client = null;
            try {
                broken.close();
            } catch (FlumeException e) {
                log.debug("flume sink {}: closing a failed client: {}", name, e.getMessage());
            }
        }
    }

    private void pause(Duration backoff) {
        try {
            sleeper.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SluiceException("flume sink " + name + " interrupted while waiting to retry", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public synchronized void close() {
        discardClient();
    }
}
