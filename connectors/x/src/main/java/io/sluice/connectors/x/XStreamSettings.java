package io.sluice.connectors.x;

import static io.sluice.connectors.x.XFilteredStreamSourceFactory.BACKFILL_MINUTES;
import static io.sluice.connectors.x.XFilteredStreamSourceFactory.BASE_URL;
import static io.sluice.connectors.x.XFilteredStreamSourceFactory.BEARER_TOKEN;
import static io.sluice.connectors.x.XFilteredStreamSourceFactory.CONNECT_TIMEOUT;
import static io.sluice.connectors.x.XFilteredStreamSourceFactory.EXPANSIONS;
import static io.sluice.connectors.x.XFilteredStreamSourceFactory.RULES;
import static io.sluice.connectors.x.XFilteredStreamSourceFactory.STALL_TIMEOUT;
import static io.sluice.connectors.x.XFilteredStreamSourceFactory.TWEET_FIELDS;
import static io.sluice.connectors.x.XFilteredStreamSourceFactory.USER_FIELDS;

import io.sluice.spi.config.Config;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated {@code x-filtered-stream} configuration.
 *
 * @param rules the desired rules, or empty to leave X's rules as they are
 */
record XStreamSettings(URI baseUrl, String bearerToken, Optional<List<StreamRule>> rules, List<String> tweetFields,
        List<String> expansions, List<String> userFields, Duration stallTimeout, Duration connectTimeout,
        int backfillMinutes) {

    static XStreamSettings from(Config config) {
        Optional<List<StreamRule>> rules = config.find(RULES).map(XStreamSettings::rules);
        String base = config.get(BASE_URL);
        return new XStreamSettings(URI.create(base.endsWith("/") ? base : base + "/"), config.get(BEARER_TOKEN), rules,
                config.get(TWEET_FIELDS), config.get(EXPANSIONS), config.get(USER_FIELDS), config.get(STALL_TIMEOUT),
                config.get(CONNECT_TIMEOUT), config.get(BACKFILL_MINUTES));
    }

    private static List<StreamRule> rules(Map<String, String> byTag) {
        List<StreamRule> rules = new ArrayList<>();
        byTag.forEach((tag, value) -> rules.add(new StreamRule(value, tag)));
        return List.copyOf(rules);
    }

    /** The stream's query string; {@code backfill_minutes} only on a reconnect. */
    String streamQuery(boolean reconnect) {
        List<String> params = new ArrayList<>();
        add(params, "tweet.fields", tweetFields);
        add(params, "expansions", expansions);
        add(params, "user.fields", userFields);
        if (reconnect && backfillMinutes > 0) {
            params.add("backfill_minutes=" + backfillMinutes);
        }
        return String.join("&", params);
    }

    private static void add(List<String> params, String name, List<String> values) {
        if (!values.isEmpty()) {
            params.add(name + "=" + URLEncoder.encode(String.join(",", values), StandardCharsets.UTF_8));
        }
    }

    @Override
    public String toString() {
        return "XStreamSettings[" + baseUrl + ", rules=" + rules + "]";
    }
}
