package io.sluice.connectors.x;

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
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the filtered stream. {@link #start} syncs the rules and opens the stream on the calling
 * thread, so a refused token or an invalid rule fails the pipeline's start with a
 * {@link ConnectorException}; network trouble and 429/5xx are left to the reading thread, which
 * reconnects as {@link ReconnectPolicy} says. Each tweet is stored before the next line is read.
 *
 * <p>A connection with no data (not even a keep-alive) for {@code stall-timeout}, measured on the
 * component's clock, is dropped and reopened; time spent in {@code store} (backpressure) does not count.
 *
 * <p>What can be missed: tweets sent while disconnected (unless {@code backfill-minutes} is set and the
 * X plan allows it), and tweets received but not yet processed when the process dies (the platform's
 * receiver buffer is in memory). A refusal after start (token revoked) stops the receiver: it is logged
 * as an error and kept in {@link #failure()}, because a receiver cannot fail the pipeline from its own
 * thread.
 */
final class XStreamReceiver implements Receiver {
    private static final Logger log = LoggerFactory.getLogger(XStreamReceiver.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    /** How often, in real milliseconds, a silent connection looks at the clock for a stall. */
    private static final long STALL_CHECK_MILLIS = 50;

    private final XStreamSettings settings;
    private final ComponentContext context;
    private final Pause pause;
    private final ReconnectPolicy policy = new ReconnectPolicy();
    private final AtomicReference<ConnectorException> failure = new AtomicReference<>();
    private final Metrics.Counter tweets;
    private final Metrics.Counter keepAlives;
    private final Metrics.Counter reconnects;
    private final Metrics.Counter stalls;
    private XApi api;
    private RecordFormat json;
    private ReceiverContext receiverContext;
    private Thread thread;
    private volatile boolean stopping;
    private boolean rulesSynced;

    XStreamReceiver(XStreamSettings settings, ComponentContext context, Pause pause) {
        this.settings = settings;
        this.context = context;
        this.pause = pause;
        this.tweets = context.metrics().counter("tweets_received");
        this.keepAlives = context.metrics().counter("keep_alives");
        this.reconnects = context.metrics().counter("reconnects");
        this.stalls = context.metrics().counter("stalls");
    }

    /**
     * @throws ConnectorException if X refuses the token or a rule (nothing to retry)
     */
    @Override
    public void start(ReceiverContext ctx) {
        this.receiverContext = ctx;
        this.json = ctx.format("json");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
        this.api = new XApi(http, settings, json);
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> first = null;
        Duration firstDelay = Duration.ZERO;
        try {
            syncRules();
            first = api.openStream(false);
        } catch (IOException | RetriableException e) {
            firstDelay = delayAfter(e);
            log.warn("{}: could not reach the X filtered stream yet, retrying in {}: {}", ctx.componentName(),
                    firstDelay, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("interrupted while connecting to the X filtered stream", e);
        }
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> opened = first;
        Duration delay = firstDelay;
        thread = new Thread(() -> run(opened, delay), "sluice-" + ctx.pipelineName() + "-" + ctx.componentName());
        thread.setDaemon(true);
        thread.start();
    }

    private void syncRules() throws IOException, InterruptedException {
        if (!rulesSynced && settings.rules().isPresent()) {
            RuleSync.sync(api, settings.rules().get());
        }
        rulesSynced = true;
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
                    syncRules();
                    response = api.openStream(true);
                }
                boolean delivered = read(response);
                response = null;
                if (delivered) {
                    policy.connected();
                    delay = Duration.ZERO;
                } else {
                    delay = policy.afterNetworkError();
                }
            } catch (IOException | RetriableException e) {
                response = null;
                if (stopping) {
                    return;
                }
                delay = delayAfter(e);
                log.warn("{}: X filtered stream failed, reconnecting in {}: {}", context.componentName(), delay,
                        e.toString());
            } catch (InterruptedException e) {
                return;
            } catch (ConnectorException e) {
                failure.set(e);
                log.error("{}: the X filtered stream refused to serve this source, which stops receiving",
                        context.componentName(), e);
                return;
            }
        }
    }

    private Duration delayAfter(Exception e) {
        if (e instanceof XApiException x) {
            return x.rateLimited() ? policy.afterRateLimit(x.rateLimitReset(), context.clock().millis())
                    : policy.afterHttpError();
        }
        return policy.afterNetworkError();
    }

    /** Reads one connection until it ends or stalls; returns whether it delivered any data. */
    private boolean read(HttpResponse<Flow.Publisher<List<ByteBuffer>>> response)
            throws IOException, InterruptedException {
        long stallMillis = settings.stallTimeout().toMillis();
        boolean delivered = false;
        try (LineStream lines = new LineStream(response.body())) {
            long lastData = context.clock().millis();
            while (!stopping && !lines.ended()) {
                List<String> got = lines.poll(Math.min(STALL_CHECK_MILLIS, stallMillis));
                if (got == null) {
                    if (context.clock().millis() - lastData >= stallMillis) {
                        stalls.increment();
                        log.warn("{}: no data nor keep-alive from X for {}: reconnecting", context.componentName(),
                                settings.stallTimeout());
                        return delivered;
                    }
                    continue;
                }
                delivered = true;
                for (String line : got) {
                    if (line.isBlank()) {
                        keepAlives.increment();
                    } else {
                        handle(line);
                    }
                }
                lastData = context.clock().millis();
            }
        }
        return delivered;
    }

    private void handle(String line) throws InterruptedException {
        byte[] raw = line.getBytes(StandardCharsets.UTF_8);
        Record tweet;
        try {
            Record message = json.decode(raw);
            if (message.get("data") == null && message.get("errors") != null) {
                log.warn("{}: X sent an error on the stream (it usually closes the connection next): {}",
                        context.componentName(), message.get("errors"));
                return;
            }
            tweet = TweetRecords.toRecord(message, context.clock().millis());
        } catch (BadRecordException e) {
            context.errors().reportRaw(context.componentName() + ":" + XApi.STREAM_PATH, raw, e);
            return;
        }
        store(List.of(tweet));
        tweets.increment();
    }

    /** Stores until accepted; a store refused while the pipeline is not stopping (overload) is retried. */
    private void store(List<Record> records) throws InterruptedException {
        while (true) {
            try {
                receiverContext.storeAsync(records).whenComplete(this::reportNotDurable);
                return;
            } catch (RetriableException e) {
                if (stopping || receiverContext.stopping()) {
                    throw e;
                }
                pause.pause(ReconnectPolicy.NETWORK_STEP);
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
            log.warn("{}: the X stream thread did not stop within {}", context.componentName(), STOP_WAIT);
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
