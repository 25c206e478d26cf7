package io.sluice.connectors.mastodon;

import io.sluice.connectors.support.Pause;
import io.sluice.connectors.support.LineStream;
import io.sluice.spi.BadRecordException;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.ConnectorException;
import io.sluice.spi.Metrics;
import io.sluice.spi.Record;
import io.sluice.spi.RetriableException;
import io.sluice.spi.format.RecordFormat;
import io.sluice.spi.source.Receiver;
import io.sluice.spi.source.ReceiverContext;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives a timeline's events. {@link #start} opens the stream on the calling thread, so a refused
 * token or an unknown list fails the pipeline's start; the reading thread then stores each
 * {@code update} (new status) and {@code status.update} (edit) before reading on, counts
 * {@code delete}s and heartbeats, and reconnects with {@link Backoff}.
 *
 * <p><b>Catch-up.</b> After a reconnect, once the new stream is open, the statuses posted since the
 * newest one stored are fetched from the REST timeline ({@code min_id}, oldest first, at most
 * {@code catch-up-pages} pages of 40), then the stream is read; statuses both fetched and streamed are
 * stored once (the last 10,000 ids are remembered). What can still be missed: more statuses than the
 * catch-up pages hold; edits and deletions made while disconnected (the REST timeline shows statuses,
 * not events); statuses a server streams but does not list (e.g. remote statuses on a server whose
 * public REST timeline needs a login the token lacks); and, before the first status is stored, anything
 * sent while disconnected. Statuses received but not processed when the process dies are lost (the
 * platform's receiver buffer is in memory).
 */
final class MastodonReceiver implements Receiver {
    private static final Logger log = LoggerFactory.getLogger(MastodonReceiver.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final long STALL_CHECK_MILLIS = 50;

    private final MastodonSettings settings;
    private final ComponentContext context;
    private final Pause pause;
    private final Backoff backoff = new Backoff();
    private final StatusIds ids = new StatusIds();
    private final AtomicReference<ConnectorException> failure = new AtomicReference<>();
    private final Metrics.Counter statuses;
    private final Metrics.Counter caughtUp;
    private final Metrics.Counter deletes;
    private final Metrics.Counter heartbeats;
    private final Metrics.Counter reconnects;
    private final Metrics.Counter stalls;
    private MastodonApi api;
    private RecordFormat json;
    private ReceiverContext receiverContext;
    private Thread thread;
    private volatile boolean stopping;

    MastodonReceiver(MastodonSettings settings, ComponentContext context, Pause pause) {
        this.settings = settings;
        this.context = context;
        this.pause = pause;
        Metrics m = context.metrics();
        this.statuses = m.counter("statuses_received");
        this.caughtUp = m.counter("statuses_caught_up");
        this.deletes = m.counter("deletes");
        this.heartbeats = m.counter("heartbeats");
        this.reconnects = m.counter("reconnects");
        this.stalls = m.counter("stalls");
    }

    /**
     * @throws ConnectorException if the server refuses the stream (token, unknown list or tag timeline)
     */
    @Override
    public void start(ReceiverContext ctx) {
        this.receiverContext = ctx;
        this.json = ctx.format("json");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
        this.api = new MastodonApi(http, settings, json);
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> first = null;
        Duration firstDelay = Duration.ZERO;
        try {
            first = api.openStream();
        } catch (IOException | RetriableException e) {
            firstDelay = delayAfter(e);
            log.warn("{}: could not open {} yet, retrying in {}: {}", ctx.componentName(), settings.streamUri(),
                    firstDelay, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("interrupted while connecting to " + settings.streamUri(), e);
        }
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> opened = first;
        Duration delay = firstDelay;
        thread = new Thread(() -> run(opened, delay), "sluice-" + ctx.pipelineName() + "-" + ctx.componentName());
        thread.setDaemon(true);
        thread.start();
    }

    private void run(HttpResponse<Flow.Publisher<List<ByteBuffer>>> opened, Duration firstDelay) {
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = opened;
        Duration delay = firstDelay;
        while (!stopping) {
            try {
                if (response == null) {
                    if (!delay.isZero()) {
                        pause.pause(delay);
                    }
                    reconnects.increment();
                    response = api.openStream();
                    catchUp();
                }
                boolean delivered = read(response);
                response = null;
                if (delivered) {
                    backoff.connected();
                    delay = Duration.ZERO;
                } else {
                    delay = backoff.afterFailure();
                }
            } catch (IOException | RetriableException e) {
                response = null;
                if (stopping) {
                    return;
                }
                delay = delayAfter(e);
                log.warn("{}: the stream {} failed, reconnecting in {}: {}", context.componentName(),
                        settings.streamUri(), delay, e.toString());
            } catch (InterruptedException e) {
                return;
            } catch (ConnectorException e) {
                failure.set(e);
                log.error("{}: the server refused the stream, which stops receiving", context.componentName(), e);
                return;
            }
        }
    }

    private Duration delayAfter(Exception e) {
        if (e instanceof MastodonApiException m && m.status() == 429) {
            return backoff.afterRateLimit(m.rateLimitReset(), context.clock().millis());
        }
        return backoff.afterFailure();
    }

    /** Stores the statuses posted since the newest one stored, page by page from the oldest. */
    private void catchUp() throws InterruptedException {
        String after = ids.newest();
        for (int page = 0; after != null && page < settings.catchUpPages(); page++) {
            List<Record> found;
            try {
                found = new ArrayList<>(api.statusesAfter(after));
            } catch (IOException | RetriableException | ConnectorException e) {
                log.warn("{}: catching up after {} failed; statuses posted while disconnected may be missing: {}",
                        context.componentName(), after, e.toString());
                return;
            }
            found.sort((a, b) -> StatusIds.ORDER.compare(a.getString("id"), b.getString("id")));
            for (Record status : found) {
                if (ids.add(status.getString("id"))) {
                    store(StatusRecords.toRecord(status, "update", "catch-up", context.clock().millis()));
                    caughtUp.increment();
                }
            }
            if (found.size() < MastodonSettings.PAGE_SIZE) {
                return;
            }
            after = found.get(found.size() - 1).getString("id");
        }
        if (after != null) {
            log.warn("{}: more than {} pages were posted while disconnected; statuses after {} and before the "
                    + "stream reopened are missing", context.componentName(), settings.catchUpPages(), after);
        }
    }

    /** Reads one connection until it ends or stalls; returns whether it delivered any data. */
    private boolean read(HttpResponse<Flow.Publisher<List<ByteBuffer>>> response)
            throws IOException, InterruptedException {
        long stallMillis = settings.stallTimeout().toMillis();
        boolean delivered = false;
        SseParser sse = new SseParser();
        try (LineStream lines = new LineStream(response.body())) {
            long lastData = context.clock().millis();
            while (!stopping && !lines.ended()) {
                List<String> got = lines.poll(Math.min(STALL_CHECK_MILLIS, stallMillis));
                if (got == null) {
                    if (context.clock().millis() - lastData >= stallMillis) {
                        stalls.increment();
                        log.warn("{}: nothing from {} for {}: reconnecting", context.componentName(),
                                settings.streamUri(), settings.stallTimeout());
                        return delivered;
                    }
                    continue;
                }
                delivered = true;
                for (String line : got) {
                    if (SseParser.isComment(line)) {
                        heartbeats.increment();
                        continue;
                    }
                    SseParser.Event event = sse.line(line);
                    if (event != null) {
                        handle(event);
                    }
                }
                lastData = context.clock().millis();
            }
        }
        return delivered;
    }

    private void handle(SseParser.Event event) throws InterruptedException {
        switch (event.name()) {
            case "update", "status.update" -> {
                byte[] raw = event.data().getBytes(StandardCharsets.UTF_8);
                Record status;
                try {
                    status = StatusRecords.toRecord(json.decode(raw), event.name(), "stream", context.clock().millis());
                } catch (BadRecordException e) {
                    context.errors().reportRaw(context.componentName() + ":" + settings.streamUri().getPath()
                            + " (" + event.name() + ")", raw, e);
                    return;
                }
                String id = status.getString("id");
                if (event.name().equals("update") && !ids.add(id)) {
                    return;
                }
                store(status);
                statuses.increment();
            }
            case "delete" -> deletes.increment();
            default -> log.debug("{}: ignoring event {}", context.componentName(), event.name());
        }
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
            log.warn("{}: the Mastodon stream thread did not stop within {}", context.componentName(), STOP_WAIT);
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
