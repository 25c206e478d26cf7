package io.sluice.connectors.twitter4j;

import io.sluice.connectors.support.Pause;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.ConnectorException;
import io.sluice.spi.Metrics;
import io.sluice.spi.Record;
import io.sluice.spi.RetriableException;
import io.sluice.spi.source.Receiver;
import io.sluice.spi.source.ReceiverContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import twitter4j.ConnectionLifeCycleListener;
import twitter4j.StallWarning;
import twitter4j.Status;
import twitter4j.StatusDeletionNotice;
import twitter4j.StatusListener;
import twitter4j.TwitterException;
import twitter4j.TwitterStream;
import twitter4j.TwitterStreamFactory;

/**
 * Receives a v1.1 stream through twitter4j. {@link #start} opens the stream and waits up to
 * {@code connect-timeout} for the first connection, so refused credentials fail the pipeline's start;
 * twitter4j then reads and reconnects on its own threads, and each status is stored from the listener.
 * A refusal after start stops the stream (logged, and kept in {@link #failure()}): twitter4j would
 * otherwise retry it forever.
 *
 * <p>What can be missed: statuses sent while disconnected (v1.1 has no backfill), and statuses that
 * twitter4j read but had not handed over, or that were stored but not processed, when the process dies.
 * twitter4j queues statuses between its reading and its listener thread without a bound, so a slow
 * pipeline grows that queue rather than slowing the connection.
 */
final class Twitter4jReceiver implements Receiver {
    private static final Logger log = LoggerFactory.getLogger(Twitter4jReceiver.class);

    private final Twitter4jSettings settings;
    private final ComponentContext context;
    private final Pause pause;
    private final AtomicReference<ConnectorException> failure = new AtomicReference<>();
    private final CountDownLatch firstOutcome = new CountDownLatch(1);
    private final Metrics.Counter statuses;
    private final Metrics.Counter deletes;
    private final Metrics.Counter connects;
    private final Metrics.Counter limited;
    private ReceiverContext receiverContext;
    private TwitterStream stream;
    private volatile boolean stopping;

    Twitter4jReceiver(Twitter4jSettings settings, ComponentContext context) {
        this.settings = settings;
        this.context = context;
        this.pause = Pause.onClock(context.clock());
        Metrics m = context.metrics();
        this.statuses = m.counter("statuses_received");
        this.deletes = m.counter("deletion_notices");
        this.connects = m.counter("connects");
        this.limited = m.counter("track_limited_statuses");
    }

    /**
     * @throws ConnectorException if the endpoint refuses the credentials or the filter
     */
    @Override
    public void start(ReceiverContext ctx) {
        this.receiverContext = ctx;
        stream = new TwitterStreamFactory(settings.twitter4jConfiguration()).getInstance();
        stream.addConnectionLifeCycleListener(new Lifecycle());
        stream.addListener(new Listener());
        if (settings.sample()) {
            stream.sample();
        } else {
            stream.filter(settings.filterQuery());
        }
        try {
            if (!firstOutcome.await(settings.connectTimeout().multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{}: not connected to {} after {}; twitter4j keeps trying", ctx.componentName(),
                        settings.streamBaseUrl(), settings.connectTimeout().multipliedBy(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stream.shutdown();
            throw new RetriableException("interrupted while connecting to " + settings.streamBaseUrl(), e);
        }
        ConnectorException refused = failure.get();
        if (refused != null) {
            throw refused;
        }
    }

    /** The refusal that stopped the stream, if one did. */
    ConnectorException failure() {
        return failure.get();
    }

    @Override
    public void stop() {
        stopping = true;
        if (stream != null) {
            stream.shutdown();
        }
    }

    private void refused(TwitterException e) {
        String what = settings.sample() ? "statuses/sample" : "statuses/filter";
        String why = switch (e.getStatusCode()) {
            case 401 -> "refused the OAuth credentials (HTTP 401): check consumer-key, consumer-secret, access-token "
                    + "and access-token-secret";
            case 403 -> "refused access (HTTP 403): these credentials may not use " + what;
            case 404 -> "has no " + what + " (HTTP 404): check stream-base-url";
            default -> "rejected the filter (HTTP " + e.getStatusCode() + "): check track, follow, locations and language";
        };
        ConnectorException refusal = new ConnectorException(settings.streamBaseUrl() + " " + why, e);
        if (failure.compareAndSet(null, refusal)) {
            log.error("{}: the stream stops", context.componentName(), refusal);
            Thread stopper = new Thread(stream::shutdown, "sluice-" + context.componentName() + "-twitter4j-stop");
            stopper.setDaemon(true);
            stopper.start();
        }
        firstOutcome.countDown();
    }

    private static boolean fatal(int status) {
        return status == 401 || status == 403 || status == 404 || status == 406 || status == 413 || status == 416;
    }

    private void store(Record record) {
        while (!stopping) {
            try {
                receiverContext.storeAsync(List.of(record)).whenComplete(this::reportNotDurable);
                statuses.increment();
                return;
            } catch (RetriableException e) {
                if (stopping || receiverContext.stopping()) {
                    return;
                }
                try {
                    pause.pause(Duration.ofMillis(250));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private final class Listener implements StatusListener {
        @Override
        public void onStatus(Status status) {
            if (!stopping) {
                store(StatusRecords.toRecord(status, context.clock().millis()));
            }
        }

        @Override
        public void onDeletionNotice(StatusDeletionNotice notice) {
            deletes.increment();
        }

        @Override
        public void onTrackLimitationNotice(int undelivered) {
            limited.increment(undelivered);
        }

        @Override
        public void onScrubGeo(long userId, long upToStatusId) {
            log.debug("{}: scrub_geo for user {} up to {}", context.componentName(), userId, upToStatusId);
        }

        @Override
        public void onStallWarning(StallWarning warning) {
            log.warn("{}: the stream warns that this client is falling behind: {}", context.componentName(),
                    warning.getMessage());
        }

        @Override
        public void onException(Exception e) {
            if (e instanceof TwitterException te && fatal(te.getStatusCode())) {
                refused(te);
            } else if (e instanceof twitter4j.JSONException) {
                String message = String.valueOf(e.getMessage());
                context.errors().reportRaw(context.componentName() + ":" + settings.streamBaseUrl(),
                        message.getBytes(StandardCharsets.UTF_8), e);
            } else if (!stopping) {
                log.warn("{}: twitter4j: {} (it reconnects by itself)", context.componentName(), e.toString());
            }
        }
    }

    private final class Lifecycle implements ConnectionLifeCycleListener {
        @Override
        public void onConnect() {
            connects.increment();
            firstOutcome.countDown();
        }

        @Override
        public void onDisconnect() {
            log.info("{}: disconnected from {}", context.componentName(), settings.streamBaseUrl());
        }

        @Override
        public void onCleanUp() {
            log.debug("{}: twitter4j cleaned up", context.componentName());
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
