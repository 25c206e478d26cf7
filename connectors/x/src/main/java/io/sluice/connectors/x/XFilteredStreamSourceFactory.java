package io.sluice.connectors.x;

import io.sluice.connectors.support.Pause;
import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.config.Validators;
import io.sluice.spi.source.Source;
import io.sluice.spi.source.SourceFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The {@code x-filtered-stream} source type: tweets matching the pipeline's stream rules, from X API
 * v2's filtered stream ({@code GET /2/tweets/search/stream}).
 *
 * <pre>{@code
 * sources:
 *   tweets:
 *     type: x-filtered-stream
 *     bearer-token: ${X_BEARER_TOKEN}
 *     rules:
 *       cats: "cat has:images -is:retweet"
 *       dogs: "dog lang:en"
 * }</pre>
 */
@Extension
public final class XFilteredStreamSourceFactory implements SourceFactory {
    static final ConfigKey<String> BEARER_TOKEN = ConfigKey.string("bearer-token")
            .description("The app-only bearer token of your X project (OAuth 2.0 App-Only).")
            .example("${X_BEARER_TOKEN}")
            .required()
            .secret()
            .validate(Validators.notEmpty())
            .build();
    static final ConfigKey<Map<String, String>> RULES = ConfigKey.stringMap("rules")
            .description("The stream rules, tag: rule. On start they are synced with X: rules missing there are "
                    + "added, rules there that are not listed (or have another tag) are deleted. Leave unset to keep "
                    + "the rules the X project already has.")
            .example("{cats: \"cat has:images -is:retweet\"}")
            .build();
    static final ConfigKey<List<String>> TWEET_FIELDS = ConfigKey.stringList("tweet-fields")
            .description("The tweet.fields X sends with each tweet (id and text always come).")
            .defaultValue(List.of("created_at", "lang", "author_id", "entities"))
            .build();
    static final ConfigKey<List<String>> EXPANSIONS = ConfigKey.stringList("expansions")
            .description("The expansions X sends; author_id brings the author's user object (for author_username).")
            .defaultValue(List.of("author_id"))
            .build();
    static final ConfigKey<List<String>> USER_FIELDS = ConfigKey.stringList("user-fields")
            .description("The user.fields of expanded users.")
            .defaultValue(List.of("username"))
            .build();
    static final ConfigKey<String> BASE_URL = ConfigKey.string("base-url")
            .description("Where the X API is; another URL for a proxy or an emulator.")
            .defaultValue("https://api.x.com")
            .validate(Validators.matches("https?://.+", "an http(s) URL"))
            .build();
    static final ConfigKey<Duration> STALL_TIMEOUT = ConfigKey.duration("stall-timeout")
            .description("X sends a keep-alive line break every 20 seconds; a connection silent for this long is "
                    + "stalled and is dropped and reconnected.")
            .defaultValue(Duration.ofSeconds(20))
            .validate(Validators.positive())
            .build();
    static final ConfigKey<Duration> CONNECT_TIMEOUT = ConfigKey.duration("connect-timeout")
            .description("How long to wait for a connection and for the response headers of a request.")
            .defaultValue(Duration.ofSeconds(10))
            .validate(Validators.positive())
            .build();
    static final ConfigKey<Integer> BACKFILL_MINUTES = ConfigKey.integer("backfill-minutes")
            .description("On a reconnect, ask X to resend up to this many minutes of tweets missed while "
                    + "disconnected (backfill_minutes, 0 to 5; only some X plans allow it). Backfilled tweets may "
                    + "repeat ones already received.")
            .defaultValue(0)
            .validate(Validators.between(0, 5))
            .build();
    static final ConfigSpec SPEC = ConfigSpec.of(BEARER_TOKEN, RULES, TWEET_FIELDS, EXPANSIONS, USER_FIELDS,
            BASE_URL, STALL_TIMEOUT, CONNECT_TIMEOUT, BACKFILL_MINUTES);

    @Override
    public String type() {
        return "x-filtered-stream";
    }

    @Override
    public String description() {
        return "Receives tweets matching stream rules from X API v2's filtered stream: rules synced on start, "
                + "reconnects with X's backoff, stalls detected by the keep-alive timeout.";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public Source create(Config config) {
        return new XFilteredStreamSource(XStreamSettings.from(config), Pause::onClock);
    }
}
