package io.sluice.connectors.bluesky;

import io.sluice.connectors.support.Pause;
import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.config.Validators;
import io.sluice.spi.source.Source;
import io.sluice.spi.source.SourceFactory;
import java.time.Duration;
import java.util.List;
import org.pf4j.Extension;

/**
 * The {@code bluesky-jetstream} source type: Bluesky's network-wide commit events (posts, likes,
 * follows, ...) as JSON over a Jetstream WebSocket, filtered by collection and author.
 *
 * <pre>{@code
 * sources:
 *   posts:
 *     type: bluesky-jetstream
 *     wanted-collections: [app.bsky.feed.post]
 * }</pre>
 */
@Extension
public final class BlueskyJetstreamSourceFactory implements SourceFactory {
    static final ConfigKey<String> ENDPOINT = ConfigKey.string("endpoint")
            .description("The Jetstream subscribe URL; Bluesky runs jetstream1/jetstream2 in us-east and us-west.")
            .defaultValue("wss://jetstream2.us-east.bsky.network/subscribe")
            .validate(Validators.matches("wss?://.+", "a ws:// or wss:// URL"))
            .build();
    static final ConfigKey<List<String>> WANTED_COLLECTIONS = ConfigKey.stringList("wanted-collections")
            .description("The record collections (NSIDs) to receive, e.g. app.bsky.feed.post, or a prefix such as "
                    + "app.bsky.graph.*; empty for all (at most 100).")
            .defaultValue(List.of("app.bsky.feed.post"))
            .validate(Validators.described("at most 100 collections", (List<String> l) -> {
                if (l.size() > 100) {
                    throw new io.sluice.spi.config.ConfigException("at most 100 collections, got " + l.size());
                }
            }))
            .build();
    static final ConfigKey<List<String>> WANTED_DIDS = ConfigKey.stringList("wanted-dids")
            .description("Only the repositories (accounts) with these DIDs; empty for all (at most 10,000).")
            .defaultValue(List.of())
            .build();
    static final ConfigKey<Long> START_CURSOR = ConfigKey.longValue("start-cursor")
            .description("Where the first connection starts, as a time in unix microseconds (Jetstream replays "
                    + "about a day); unset to start with live events.")
            .validate(Validators.atLeast(0))
            .build();
    static final ConfigKey<Duration> RESUME_OVERLAP = ConfigKey.duration("resume-overlap")
            .description("A reconnect resumes from the last event time seen minus this much, so that no event is "
                    + "missed across the gap (repeats from the overlap are dropped).")
            .defaultValue(Duration.ofSeconds(5))
            .build();
    static final ConfigKey<Duration> STALL_TIMEOUT = ConfigKey.duration("stall-timeout")
            .description("A connection with no message for half of this is pinged; with no message nor pong for "
                    + "all of it, it is dropped and reconnected.")
            .defaultValue(Duration.ofSeconds(60))
            .validate(Validators.positive())
            .build();
    static final ConfigKey<Duration> CONNECT_TIMEOUT = ConfigKey.duration("connect-timeout")
            .description("How long to wait for the WebSocket handshake.")
            .defaultValue(Duration.ofSeconds(10))
            .validate(Validators.positive())
            .build();
    static final ConfigSpec SPEC = ConfigSpec.of(ENDPOINT, WANTED_COLLECTIONS, WANTED_DIDS, START_CURSOR,
            RESUME_OVERLAP, STALL_TIMEOUT, CONNECT_TIMEOUT);

    @Override
    public String type() {
        return "bluesky-jetstream";
    }

    @Override
    public String description() {
        return "Receives Bluesky commit events (posts, likes, follows, ...) from a Jetstream WebSocket, filtered by "
                + "collection and DID, resuming by cursor after a reconnect.";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public Source create(Config config) {
        return new BlueskyJetstreamSource(JetstreamSettings.from(config), Pause::onClock);
    }
}
