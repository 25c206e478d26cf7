package io.sluice.connectors.x;

/** Filtered-stream messages as X sends them, one JSON object per line. */
final class Tweets {
    private Tweets() {
    }

    static String tweet(String id, String text, String hashtag, String ruleTag) {
        return "{\"data\":{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"author_id\":\"42\","
                + "\"created_at\":\"2024-11-23T19:26:40.000Z\",\"lang\":\"en\",\"edit_history_tweet_ids\":[\"" + id + "\"],"
                + "\"entities\":{\"hashtags\":[{\"start\":0,\"end\":5,\"tag\":\"" + hashtag + "\"}],"
                + "\"mentions\":[{\"start\":6,\"end\":10,\"username\":\"bob\",\"id\":\"7\"}],"
                + "\"urls\":[{\"start\":11,\"end\":34,\"url\":\"https://t.co/x\",\"expanded_url\":\"https://example.org/a\"}]}},"
                + "\"includes\":{\"users\":[{\"id\":\"42\",\"name\":\"Alice\",\"username\":\"alice\"}]},"
                + "\"matching_rules\":[{\"id\":\"1001\",\"tag\":\"" + ruleTag + "\"}]}";
    }

    static String tweet(String id) {
        return tweet(id, "hello " + id, "cats", "cats");
    }
}
