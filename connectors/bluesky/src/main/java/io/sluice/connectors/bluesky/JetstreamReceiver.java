package io.sluice.connectors.bluesky;

import io.sluice.connectors.support.Pause;
import io.sluice.spi.BadRecordException;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.ConnectorException;
import io.sluice.spi.Metrics;
import io.sluice.spi.Record;
import io.sluice.spi.RetriableException;
import io.sluice.spi.format.RecordFormat;
import io.sluice.spi.source.Receiver;
import io.sluice.spi.source.ReceiverContext;
import java.io.EOFException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Jetstream events. {@link #start} connects on the calling thread, so a refused subscription
 * fails the pipeline's start; the reading thread stores each commit event before requesting the next
 * message, and reconnects with {@link Backoff}, resuming from the cursor.
 *
 * <p>What can be missed or repeated: events older than Jetstream's replay window (about a day) when
 * disconnected for longer; events received but not processed when the process dies (the platform's
 * receiver buffer is in memory, and the cursor is not checkpointed: a restarted pipeline starts at
 * {@code start-cursor} or live). Repeats from the overlap are dropped as long as the last 50,000
 * events are enough to cover it.
 */
final class JetstreamReceiver implements Receiver {
    private static final Logger log = LoggerFactory.getLogger(JetstreamReceiver.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final long STALL_CHECK_MILLIS = 50;

    private final JetstreamSettings settings;
    private final ComponentContext context;
    private final Pause pause;
    private final Backoff backoff = new Backoff();
    private final RecentEvents recent = new RecentEvents();
    private final AtomicReference<ConnectorException> failure = new AtomicReference<>();
    private final Metrics.Counter events;
    private final Metrics.Counter repeats;
    private final Metrics.Counter otherKinds;
    private final Metrics.Counter reconnects;
    private final Metrics.Counter stalls;
    private HttpClient http;
    private RecordFormat json;
    private ReceiverContext receiverContext;
    private Thread thread;
    private volatile boolean stopping;
    private volatile long lastTimeUs = -1;

    JetstreamReceiver(JetstreamSettings settings, ComponentContext context, Pause pause) {
        this.settings = settings;
        this.context = context;
        this.pause = pause;
        Metrics m = context.metrics();
        this.events = m.counter("events_received");
        this.repeats = m.counter("repeats_dropped");
        this.otherKinds = m.counter("identity_and_account_events");
        this.reconnects = m.counter("reconnects");
        this.stalls = m.counter("stalls");
    }

    /**
     * @throws ConnectorException if Jetstream refuses the subscription (bad filters)
     */
    @Override
    public void start(ReceiverContext ctx) {
        this.receiverContext = ctx;
        this.json = ctx.format("json");
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        JetstreamConnection first = null;
        Duration firstDelay = Duration.ZERO;
        try {
            first = JetstreamConnection.open(http, settings.uri(cursor()), settings.connectTimeout());
        } catch (IOException e) {
            firstDelay = backoff.afterFailure();
            log.warn("{}: could not connect to {} yet, retrying in {}: {}", ctx.componentName(), settings.endpoint(),
                    firstDelay, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("interrupted while connecting to " + settings.endpoint(), e);
        }
        JetstreamConnection opened = first;
        Duration delay = firstDelay;
        thread = new Thread(() -> run(opened, delay), "sluice-" + ctx.pipelineName() + "-" + ctx.componentName());
        thread.setDaemon(true);
        thread.start();
    }

    /** Where to (re)start: the last event time seen minus the overlap, else the configured start. */
    OptionalLong cursor() {
        long last = lastTimeUs;
        if (last < 0) {
            return settings.startCursor();
        }
        return OptionalLong.of(Math.max(0, last - settings.resumeOverlap().toNanos() / 1000));
    }

    private void run(JetstreamConnection opened, Duration firstDelay) {
        JetstreamConnection connection = opened;
        Duration delay = firstDelay;
        while (!stopping) {
            try {
                if (connection == null) {
                    if (!delay.isZero()) {
                        pause.pause(delay);
                    }
                    reconnects.increment();
                    connection = JetstreamConnection.open(http, settings.uri(cursor()), settings.connectTimeout());
                }
                boolean delivered;
                try (JetstreamConnection reading = connection) {
                    delivered = read(reading);
                }
                connection = null;
                if (delivered) {
                    backoff.connected();
                    delay = Duration.ZERO;
                } else {
                    delay = backoff.afterFailure();
                }
            } catch (IOException | RetriableException e) {
                connection = null;
                if (stopping) {
                    return;
                }
                delay = backoff.afterFailure();
                log.warn("{}: Jetstream connection failed, reconnecting in {}: {}", context.componentName(), delay,
                        e.toString());
            } catch (InterruptedException e) {
                return;
            } catch (ConnectorException e) {
                failure.set(e);
                log.error("{}: Jetstream refused the subscription, which stops receiving", context.componentName(), e);
                return;
            }
        }
    }

    /** Reads one connection until the server closes it or it stalls; returns whether it delivered anything. */
    private boolean read(JetstreamConnection connection) throws IOException, InterruptedException {
        long stallMillis = settings.stallTimeout().toMillis();
        boolean delivered = false;
        boolean pinged = false;
        long lastActivity = context.clock().millis();
        while (!stopping) {
            String message;
            try {
                message = connection.poll(Math.min(STALL_CHECK_MILLIS, stallMillis));
            } catch (EOFException closed) {
                return delivered;
            }
            if (message == null) {
                long idle = context.clock().millis() - lastActivity;
                if (idle >= stallMillis) {
                    stalls.increment();
                    log.warn("{}: nothing from Jetstream for {}: reconnecting", context.componentName(),
                            settings.stallTimeout());
                    return delivered;
                }
                if (!pinged && idle >= stallMillis / 2) {
                    connection.ping();
                    pinged = true;
                }
                continue;
            }
            if (!message.isEmpty()) {
                delivered = true;
                handle(message);
            }
            pinged = false;
            lastActivity = context.clock().millis();
        }
        return delivered;
    }

    private void handle(String message) throws InterruptedException {
        byte[] raw = message.getBytes(StandardCharsets.UTF_8);
        Record event;
        long timeUs;
        try {
            event = json.decode(raw);
            timeUs = JetstreamRecords.timeUs(event);
        } catch (BadRecordException e) {
            context.errors().reportRaw(context.componentName() + ":" + settings.endpoint(), raw, e);
            return;
        }
        if (!"commit".equals(event.get("kind"))) {
            otherKinds.increment();
        } else {
            Record record;
            try {
                record = JetstreamRecords.toRecord(event);
            } catch (BadRecordException e) {
                context.errors().reportRaw(context.componentName() + ":" + settings.endpoint(), raw, e);
                return;
            }
            if (recent.add(JetstreamRecords.identity(event))) {
                store(record);
                events.increment();
            } else {
                repeats.increment();
            }
        }
        lastTimeUs = Math.max(lastTimeUs, timeUs);
    }

    /** Stores until accepted; a store refused while the pipeline is not stopping (overload) is retried. */
    private void store(Record record) throws InterruptedException {
        while (true) {
            try {
                receiverContext.storeAsync(List.of(record)).whenComplete(this::reportNotDurable);
                return;
            } catch (RetriableException e) {
                if (stopping || receiverContext.stopping()) {
                    throw e;
                }
                pause.pause(Backoff.FIRST);
            }
        }
    }

    /** The refusal that stopped the receiver after start, if one did. */
    ConnectorException failure() {
        return failure.get();
    }

    @Override
    public void stop() {
        stopping = true;
        Thread t = thread;
        if (t == null) {
            return;
        }
        t.interrupt();
        try {
            t.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            log.warn("{}: the Jetstream thread did not stop within {}", context.componentName(), STOP_WAIT);
        }
    }

    /**
     * Nothing upstream waits for an acknowledgement, so a record is not held back until the
     * write-ahead log has it (one fsync per record would cap the stream); if it never gets there,
     * the pipeline fails with the log's error, and this says which record it was.
     */
    private void reportNotDurable(Void done, Throwable failure) {
        if (failure != null) {
            log.warn("{}: a record could not be written ahead: {}", receiverContext.componentName(),
                    failure.toString());
        }
    }
}
