package io.sluice.connectors.mastodon;

import io.sluice.connectors.support.Pause;
import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.config.Validators;
import io.sluice.spi.source.Source;
import io.sluice.spi.source.SourceFactory;
import java.time.Duration;
import org.pf4j.Extension;

/**
 * The {@code mastodon} source type: the statuses of a Mastodon timeline as they are posted, over the
 * streaming API's server-sent events.
 *
 * <pre>{@code
 * sources:
 *   toots:
 *     type: mastodon
 *     instance-url: https://mastodon.social
 *     access-token: ${MASTODON_TOKEN}
 *     timeline: hashtag
 *     tag: rust
 * }</pre>
 */
@Extension
public final class MastodonSourceFactory implements SourceFactory {
    static final ConfigKey<String> INSTANCE_URL = ConfigKey.string("instance-url")
            .description("The Mastodon server, e.g. https://mastodon.social.")
            .example("https://mastodon.social")
            .required()
            .validate(Validators.matches("https?://.+", "an http(s) URL"))
            .build();
    static final ConfigKey<String> STREAMING_URL = ConfigKey.string("streaming-url")
            .description("Where the server's streaming API is, when not at instance-url (see urls.streaming_api "
                    + "in GET /api/v1/instance).")
            .validate(Validators.matches("https?://.+", "an http(s) URL"))
            .build();
    static final ConfigKey<String> ACCESS_TOKEN = ConfigKey.string("access-token")
            .description("An access token (read scope). Many servers require one even for public timelines; "
                    + "lists always need one. Empty means none.")
            .secret()
            .build();
    static final ConfigKey<String> TIMELINE = ConfigKey.oneOf("timeline", Timeline.names())
            .description("public: every public status the server knows (federated); public:local: the server's "
                    + "own; hashtag and hashtag:local: statuses with the tag in 'tag'; list: the list in 'list-id'.")
            .defaultValue("public")
            .build();
    static final ConfigKey<String> TAG = ConfigKey.string("tag")
            .description("The hashtag, without #, for the hashtag timelines.")
            .example("rust")
            .validate(Validators.matches("[^#\\s]+", "a hashtag without # or spaces"))
            .build();
    static final ConfigKey<String> LIST_ID = ConfigKey.string("list-id")
            .description("The list's id, for the list timeline.")
            .build();
    static final ConfigKey<Integer> CATCH_UP_PAGES = ConfigKey.integer("catch-up-pages")
            .description("After a reconnect, fetch at most this many pages (40 statuses each) of the statuses "
                    + "posted since the last one seen, through the REST timeline API; 0 turns catch-up off.")
            .defaultValue(5)
            .validate(Validators.between(0, 100))
            .build();
    static final ConfigKey<Duration> STALL_TIMEOUT = ConfigKey.duration("stall-timeout")
            .description("Mastodon sends a heartbeat comment every 15 seconds or so; a connection silent for "
                    + "this long is stalled and is dropped and reconnected.")
            .defaultValue(Duration.ofSeconds(45))
            .validate(Validators.positive())
            .build();
    static final ConfigKey<Duration> CONNECT_TIMEOUT = ConfigKey.duration("connect-timeout")
            .description("How long to wait for a connection and for the response headers of a request.")
            .defaultValue(Duration.ofSeconds(10))
            .validate(Validators.positive())
            .build();
    static final ConfigSpec SPEC = ConfigSpec.of(INSTANCE_URL, STREAMING_URL, ACCESS_TOKEN, TIMELINE, TAG, LIST_ID,
            CATCH_UP_PAGES, STALL_TIMEOUT, CONNECT_TIMEOUT);

    @Override
    public String type() {
        return "mastodon";
    }

    @Override
    public String description() {
        return "Receives the statuses of a Mastodon timeline (public, local, hashtag or list) over server-sent "
                + "events, catching up through the REST API after a reconnect.";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    /**
     * @throws io.sluice.spi.config.ConfigException if the timeline needs a tag or list id that is not set
     */
    @Override
    public Source create(Config config) {
        return new MastodonSource(MastodonSettings.from(config), Pause::onClock);
    }
}
