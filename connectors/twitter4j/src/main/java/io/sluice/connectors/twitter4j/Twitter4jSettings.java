package io.sluice.connectors.twitter4j;

import static io.sluice.connectors.twitter4j.Twitter4jSourceFactory.ACCESS_TOKEN;
import static io.sluice.connectors.twitter4j.Twitter4jSourceFactory.ACCESS_TOKEN_SECRET;
import static io.sluice.connectors.twitter4j.Twitter4jSourceFactory.CONNECT_TIMEOUT;
import static io.sluice.connectors.twitter4j.Twitter4jSourceFactory.CONSUMER_KEY;
import static io.sluice.connectors.twitter4j.Twitter4jSourceFactory.CONSUMER_SECRET;
import static io.sluice.connectors.twitter4j.Twitter4jSourceFactory.FOLLOW;
import static io.sluice.connectors.twitter4j.Twitter4jSourceFactory.LANGUAGE;
import static io.sluice.connectors.twitter4j.Twitter4jSourceFactory.LOCATIONS;
import static io.sluice.connectors.twitter4j.Twitter4jSourceFactory.REST_BASE_URL;
import static io.sluice.connectors.twitter4j.Twitter4jSourceFactory.STALL_TIMEOUT;
import static io.sluice.connectors.twitter4j.Twitter4jSourceFactory.STREAM;
import static io.sluice.connectors.twitter4j.Twitter4jSourceFactory.STREAM_BASE_URL;
import static io.sluice.connectors.twitter4j.Twitter4jSourceFactory.TRACK;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigException;
import java.time.Duration;
import java.util.List;
import twitter4j.FilterQuery;
import twitter4j.conf.Configuration;
import twitter4j.conf.ConfigurationBuilder;

/** A validated {@code twitter4j} configuration, and the twitter4j configuration and filter it makes. */
record Twitter4jSettings(String consumerKey, String consumerSecret, String accessToken, String accessTokenSecret,
        boolean sample, List<String> track, List<String> follow, List<String> locations, List<String> language,
        String streamBaseUrl, String restBaseUrl, Duration stallTimeout, Duration connectTimeout) {

    /**
     * @throws ConfigException if a filter stream has nothing to track, follow or locate
     */
    static Twitter4jSettings from(Config config) {
        boolean sample = config.get(STREAM).equals("sample");
        if (!sample && config.get(TRACK).isEmpty() && config.get(FOLLOW).isEmpty() && config.get(LOCATIONS).isEmpty()) {
            throw new ConfigException("stream 'filter' needs at least one of track, follow or locations "
                    + "(or use stream: sample)");
        }
        return new Twitter4jSettings(config.get(CONSUMER_KEY), config.get(CONSUMER_SECRET), config.get(ACCESS_TOKEN),
                config.get(ACCESS_TOKEN_SECRET), sample, config.get(TRACK), config.get(FOLLOW), config.get(LOCATIONS),
                config.get(LANGUAGE), config.get(STREAM_BASE_URL), config.get(REST_BASE_URL), config.get(STALL_TIMEOUT),
                config.get(CONNECT_TIMEOUT));
    }

    Configuration twitter4jConfiguration() {
        return new ConfigurationBuilder()
                .setOAuthConsumerKey(consumerKey).setOAuthConsumerSecret(consumerSecret)
                .setOAuthAccessToken(accessToken).setOAuthAccessTokenSecret(accessTokenSecret)
                .setStreamBaseURL(streamBaseUrl).setRestBaseURL(restBaseUrl)
                .setHttpConnectionTimeout((int) connectTimeout.toMillis())
                .setHttpStreamingReadTimeout((int) stallTimeout.toMillis())
                .setTweetModeExtended(true)
                .build();
    }

    FilterQuery filterQuery() {
        FilterQuery query = new FilterQuery();
        if (!track.isEmpty()) {
            query.track(track.toArray(String[]::new));
        }
        if (!follow.isEmpty()) {
            query.follow(follow.stream().mapToLong(Twitter4jSettings::userId).toArray());
        }
        if (!locations.isEmpty()) {
            query.locations(locations.stream().flatMap(b -> List.of(box(b)).stream()).toArray(double[][]::new));
        }
        if (!language.isEmpty()) {
            query.language(language.toArray(String[]::new));
        }
        return query;
    }

    /** @throws ConfigException if {@code id} is not a user id */
    static long userId(String id) {
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("follow takes numeric user ids, got '" + id + "'");
        }
    }

    /** A box 'west,south,east,north' as twitter4j's two corners. @throws ConfigException if malformed */
    static double[][] box(String box) {
        String[] parts = box.split(",");
        if (parts.length != 4) {
            throw new ConfigException("a location box is 'west,south,east,north', got '" + box + "'");
        }
        double[] v = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                v[i] = Double.parseDouble(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            throw new ConfigException("a location box is four numbers 'west,south,east,north', got '" + box + "'");
        }
        return new double[][] {{v[0], v[1]}, {v[2], v[3]}};
    }

    @Override
    public String toString() {
        return "Twitter4jSettings[" + streamBaseUrl + (sample ? "statuses/sample" : "statuses/filter") + "]";
    }
}
