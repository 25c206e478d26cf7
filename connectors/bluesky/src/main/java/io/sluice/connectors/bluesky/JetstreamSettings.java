package io.sluice.connectors.bluesky;

import static io.sluice.connectors.bluesky.BlueskyJetstreamSourceFactory.CONNECT_TIMEOUT;
import static io.sluice.connectors.bluesky.BlueskyJetstreamSourceFactory.ENDPOINT;
import static io.sluice.connectors.bluesky.BlueskyJetstreamSourceFactory.RESUME_OVERLAP;
import static io.sluice.connectors.bluesky.BlueskyJetstreamSourceFactory.START_CURSOR;
import static io.sluice.connectors.bluesky.BlueskyJetstreamSourceFactory.STALL_TIMEOUT;
import static io.sluice.connectors.bluesky.BlueskyJetstreamSourceFactory.WANTED_COLLECTIONS;
import static io.sluice.connectors.bluesky.BlueskyJetstreamSourceFactory.WANTED_DIDS;

import io.sluice.spi.config.Config;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A validated {@code bluesky-jetstream} configuration.
 *
 * @param startCursor where the first connection starts (unix microseconds), or empty for live events
 */
record JetstreamSettings(String endpoint, List<String> wantedCollections, List<String> wantedDids,
        OptionalLong startCursor, Duration resumeOverlap, Duration stallTimeout, Duration connectTimeout) {

    static JetstreamSettings from(Config config) {
        OptionalLong start = config.find(START_CURSOR).map(OptionalLong::of).orElse(OptionalLong.empty());
        return new JetstreamSettings(config.get(ENDPOINT), config.get(WANTED_COLLECTIONS), config.get(WANTED_DIDS),
                start, config.get(RESUME_OVERLAP), config.get(STALL_TIMEOUT), config.get(CONNECT_TIMEOUT));
    }

    /** The subscribe URI: the filters, and {@code cursor} when one is given. */
    URI uri(OptionalLong cursor) {
        List<String> params = new ArrayList<>();
        wantedCollections.forEach(c -> params.add("wantedCollections=" + encode(c)));
        wantedDids.forEach(d -> params.add("wantedDids=" + encode(d)));
        cursor.ifPresent(c -> params.add("cursor=" + c));
        return URI.create(endpoint + (params.isEmpty() ? "" : (endpoint.contains("?") ? "&" : "?") + String.join("&", params)));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%2A", "*");
    }
}
