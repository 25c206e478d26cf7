package io.sluice.connectors.mastodon;

import static io.sluice.connectors.mastodon.MastodonSourceFactory.ACCESS_TOKEN;
import static io.sluice.connectors.mastodon.MastodonSourceFactory.CATCH_UP_PAGES;
import static io.sluice.connectors.mastodon.MastodonSourceFactory.CONNECT_TIMEOUT;
import static io.sluice.connectors.mastodon.MastodonSourceFactory.INSTANCE_URL;
import static io.sluice.connectors.mastodon.MastodonSourceFactory.LIST_ID;
import static io.sluice.connectors.mastodon.MastodonSourceFactory.STALL_TIMEOUT;
import static io.sluice.connectors.mastodon.MastodonSourceFactory.STREAMING_URL;
import static io.sluice.connectors.mastodon.MastodonSourceFactory.TAG;
import static io.sluice.connectors.mastodon.MastodonSourceFactory.TIMELINE;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A validated {@code mastodon} configuration.
 *
 * @param target the tag or list id the timeline needs, else {@code null}
 */
record MastodonSettings(URI instanceUrl, URI streamingUrl, Optional<String> accessToken, Timeline timeline,
        String target, int catchUpPages, Duration stallTimeout, Duration connectTimeout) {
    /** Statuses per catch-up page: the REST timelines' maximum. */
    static final int PAGE_SIZE = 40;

    /**
     * @throws ConfigException if the timeline needs a tag or list id that is not set
     */
    static MastodonSettings from(Config config) {
        Timeline timeline = Timeline.named(config.get(TIMELINE));
        String target = switch (timeline) {
            case HASHTAG, HASHTAG_LOCAL -> config.find(TAG).orElseThrow(() ->
                    new ConfigException("timeline '" + timeline + "' needs 'tag' (the hashtag, without #)"));
            case LIST -> config.find(LIST_ID).orElseThrow(() ->
                    new ConfigException("timeline 'list' needs 'list-id'"));
            default -> null;
        };
        URI instance = base(config.get(INSTANCE_URL));
        URI streaming = config.find(STREAMING_URL).map(MastodonSettings::base).orElse(instance);
        Optional<String> token = config.find(ACCESS_TOKEN).filter(t -> !t.isBlank());
        return new MastodonSettings(instance, streaming, token, timeline, target, config.get(CATCH_UP_PAGES),
                config.get(STALL_TIMEOUT), config.get(CONNECT_TIMEOUT));
    }

    private static URI base(String url) {
        return URI.create(url.endsWith("/") ? url : url + "/");
    }

    URI streamUri() {
        return streamingUrl.resolve(timeline.streamPath(target));
    }

    URI catchUpUri(String minId) {
        return instanceUrl.resolve(timeline.timelinePath(target, minId, PAGE_SIZE));
    }

    @Override
    public String toString() {
        return "MastodonSettings[" + streamUri() + "]";
    }
}
