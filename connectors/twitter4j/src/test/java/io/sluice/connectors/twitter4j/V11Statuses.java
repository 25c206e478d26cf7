package io.sluice.connectors.twitter4j;

/** Twitter API v1.1 stream messages as v1.1 sends them, one JSON object per line. */
final class V11Statuses {
    private V11Statuses() {
    }

    static String status(long id, String text, String hashtag) {
        return "{\"created_at\":\"Sat Nov 23 19:26:40 +0000 2024\",\"id\":" + id + ",\"id_str\":\"" + id + "\","
                + "\"text\":\"" + text + "\",\"lang\":\"en\",\"truncated\":false,"
                + "\"user\":{\"id\":42,\"id_str\":\"42\",\"name\":\"Alice\",\"screen_name\":\"alice\","
                + "\"created_at\":\"Mon Jan 01 00:00:00 +0000 2018\",\"followers_count\":1,\"friends_count\":1},"
                + "\"geo\":null,\"coordinates\":{\"type\":\"Point\",\"coordinates\":[-122.4,37.7]},"
                + "\"entities\":{\"hashtags\":[{\"text\":\"" + hashtag + "\",\"indices\":[0,5]}],"
                + "\"user_mentions\":[{\"screen_name\":\"bob\",\"name\":\"Bob\",\"id\":7,\"id_str\":\"7\",\"indices\":[6,10]}],"
                + "\"urls\":[{\"url\":\"https://t.co/x\",\"expanded_url\":\"https://example.org/a\","
                + "\"display_url\":\"example.org/a\",\"indices\":[11,34]}]},"
                + "\"retweet_count\":0,\"favorite_count\":0,\"favorited\":false,\"retweeted\":false}";
    }

    static String delete(long id) {
        return "{\"delete\":{\"status\":{\"id\":" + id + ",\"id_str\":\"" + id + "\",\"user_id\":42,\"user_id_str\":\"42\"}}}";
    }
}
