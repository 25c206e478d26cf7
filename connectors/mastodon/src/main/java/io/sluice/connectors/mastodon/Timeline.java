package io.sluice.connectors.mastodon;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A streamable timeline: its streaming path and the REST timeline it is caught up from. */
enum Timeline {
    PUBLIC("public"),
    PUBLIC_LOCAL("public:local"),
    HASHTAG("hashtag"),
    HASHTAG_LOCAL("hashtag:local"),
    LIST("list");

    private final String configName;

    Timeline(String configName) {
        this.configName = configName;
    }

    static String[] names() {
        return Arrays.stream(values()).map(t -> t.configName).toArray(String[]::new);
    }

    static Timeline named(String name) {
        return Arrays.stream(values()).filter(t -> t.configName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no timeline " + name));
    }

    /** The streaming API path and query, relative to the streaming base URL. */
    String streamPath(String target) {
        return switch (this) {
            case PUBLIC -> "api/v1/streaming/public";
            case PUBLIC_LOCAL -> "api/v1/streaming/public/local";
            case HASHTAG -> "api/v1/streaming/hashtag?tag=" + encode(target);
            case HASHTAG_LOCAL -> "api/v1/streaming/hashtag/local?tag=" + encode(target);
            case LIST -> "api/v1/streaming/list?list=" + encode(target);
        };
    }

    /** The REST timeline path and query of the statuses just after {@code minId}, oldest page first. */
    String timelinePath(String target, String minId, int limit) {
        String page = "min_id=" + encode(minId) + "&limit=" + limit;
        return switch (this) {
            case PUBLIC -> "api/v1/timelines/public?" + page;
            case PUBLIC_LOCAL -> "api/v1/timelines/public?local=true&" + page;
            case HASHTAG -> "api/v1/timelines/tag/" + encode(target) + "?" + page;
            case HASHTAG_LOCAL -> "api/v1/timelines/tag/" + encode(target) + "?local=true&" + page;
            case LIST -> "api/v1/timelines/list/" + encode(target) + "?" + page;
        };
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return configName;
    }
}
