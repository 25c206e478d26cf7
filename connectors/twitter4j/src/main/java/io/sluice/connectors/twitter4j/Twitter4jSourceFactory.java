package io.sluice.connectors.twitter4j;

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
 * The {@code twitter4j} source type: Twitter API v1.1 streaming ({@code statuses/filter} or
 * {@code statuses/sample}) through twitter4j, as Spark's Twitter receiver did. X has retired v1.1
 * streaming: point {@code stream-base-url} at a v1.1-compatible endpoint or an archive replay.
 *
 * <pre>{@code
 * sources:
 *   tweets:
 *     type: twitter4j
 *     stream-base-url: https://stream.example.org/1.1/
 *     consumer-key: ${TWITTER_CONSUMER_KEY}
 *     consumer-secret: ${TWITTER_CONSUMER_SECRET}
 *     access-token: ${TWITTER_ACCESS_TOKEN}
 *     access-token-secret: ${TWITTER_ACCESS_TOKEN_SECRET}
 *     track: ["#rust", java]
 * }</pre>
 */
@Extension
public final class Twitter4jSourceFactory implements SourceFactory {
    static final ConfigKey<String> CONSUMER_KEY = secret("consumer-key", "The OAuth 1.0a consumer (API) key.");
    static final ConfigKey<String> CONSUMER_SECRET = secret("consumer-secret", "The OAuth 1.0a consumer secret.");
    static final ConfigKey<String> ACCESS_TOKEN = secret("access-token", "The OAuth 1.0a access token.");
    static final ConfigKey<String> ACCESS_TOKEN_SECRET = secret("access-token-secret", "The access token's secret.");
    static final ConfigKey<String> STREAM = ConfigKey.oneOf("stream", "filter", "sample")
            .description("filter: statuses/filter with track, follow and locations; sample: statuses/sample.")
            .defaultValue("filter")
            .build();
    static final ConfigKey<List<String>> TRACK = ConfigKey.stringList("track")
            .description("filter: phrases to track (a phrase matches when all its words occur).")
            .defaultValue(List.of())
            .example("[\"#rust\", java]")
            .build();
    static final ConfigKey<List<String>> FOLLOW = ConfigKey.stringList("follow")
            .description("filter: user ids whose statuses to receive.")
            .defaultValue(List.of())
            .validate(Validators.described("numeric user ids", (List<String> ids) -> ids.forEach(Twitter4jSettings::userId)))
            .build();
    static final ConfigKey<List<String>> LOCATIONS = ConfigKey.stringList("locations")
            .description("filter: bounding boxes, each 'west,south,east,north' in degrees (longitude, latitude).")
            .defaultValue(List.of())
            .example("[\"-122.75,36.8,-121.75,37.8\"]")
            .validate(Validators.described("west,south,east,north boxes",
                    (List<String> boxes) -> boxes.forEach(Twitter4jSettings::box)))
            .build();
    static final ConfigKey<List<String>> LANGUAGE = ConfigKey.stringList("language")
            .description("Only statuses in these languages (BCP 47 codes); empty for all.")
            .defaultValue(List.of())
            .build();
    static final ConfigKey<String> STREAM_BASE_URL = ConfigKey.string("stream-base-url")
            .description("The v1.1 streaming API's base URL (ending in /).")
            .defaultValue("https://stream.twitter.com/1.1/")
            .validate(Validators.matches("https?://.+/", "an http(s) URL ending in /"))
            .build();
    static final ConfigKey<String> REST_BASE_URL = ConfigKey.string("rest-base-url")
            .description("The v1.1 REST API's base URL (ending in /), for a compatible endpoint.")
            .defaultValue("https://api.twitter.com/1.1/")
            .validate(Validators.matches("https?://.+/", "an http(s) URL ending in /"))
            .build();
    static final ConfigKey<Duration> STALL_TIMEOUT = ConfigKey.duration("stall-timeout")
            .description("A connection with nothing to read for this long is dropped and reopened (v1.1 sends a "
                    + "keep-alive every 30 seconds).")
            .defaultValue(Duration.ofSeconds(90))
            .validate(Validators.positive())
            .build();
    static final ConfigKey<Duration> CONNECT_TIMEOUT = ConfigKey.duration("connect-timeout")
            .description("How long to wait for a connection; start waits this long for the first one, so refused "
                    + "credentials fail the pipeline's start.")
            .defaultValue(Duration.ofSeconds(10))
            .validate(Validators.positive())
            .build();
    static final ConfigSpec SPEC = ConfigSpec.of(CONSUMER_KEY, CONSUMER_SECRET, ACCESS_TOKEN, ACCESS_TOKEN_SECRET,
            STREAM, TRACK, FOLLOW, LOCATIONS, LANGUAGE, STREAM_BASE_URL, REST_BASE_URL, STALL_TIMEOUT, CONNECT_TIMEOUT);

    private static ConfigKey<String> secret(String name, String description) {
        return ConfigKey.string(name).description(description).required().secret().validate(Validators.notEmpty())
                .build();
    }

    @Override
    public String type() {
        return "twitter4j";
    }

    @Override
    public String description() {
        return "Receives statuses from a Twitter API v1.1 streaming endpoint (statuses/filter or statuses/sample) "
                + "through twitter4j; for v1.1-compatible endpoints and archives, since X retired v1.1 streaming.";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    /**
     * @throws io.sluice.spi.config.ConfigException if a filter stream has nothing to track, follow or locate
     */
    @Override
    public Source create(Config config) {
        return new Twitter4jSource(Twitter4jSettings.from(config));
    }
}
