package io.sluice.connectors.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.config.Config;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static MastodonSettings settings(String timeline, String tag, String listId) {
        Config.Builder b = Config.builder(MastodonSourceFactory.SPEC)
                .set(MastodonSourceFactory.INSTANCE_URL, "https://example.social")
                .set(MastodonSourceFactory.STREAMING_URL, "https://streaming.example.social/")
                .set(MastodonSourceFactory.TIMELINE, timeline);
        if (tag != null) {
            b.set(MastodonSourceFactory.TAG, tag);
        }
        if (listId != null) {
            b.set(MastodonSourceFactory.LIST_ID, listId);
        }
        return MastodonSettings.from(b.build());
    }

    @Test
    void eachTimelineStreamsFromTheStreamingHostAndCatchesUpFromTheInstance() {
        assertThat(settings("public", null, null).streamUri()).hasToString("https://streaming.example.social/api/v1/streaming/public");
        assertThat(settings("public", null, null).catchUpUri("9"))
                .hasToString("https://example.social/api/v1/timelines/public?min_id=9&limit=40");
        assertThat(settings("public:local", null, null).streamUri().getPath()).isEqualTo("/api/v1/streaming/public/local");
        assertThat(settings("public:local", null, null).catchUpUri("9").getQuery()).isEqualTo("local=true&min_id=9&limit=40");
        assertThat(settings("hashtag", "café", null).streamUri().getRawQuery()).isEqualTo("tag=caf%C3%A9");
        assertThat(settings("hashtag", "café", null).catchUpUri("9").getRawPath()).isEqualTo("/api/v1/timelines/tag/caf%C3%A9");
        assertThat(settings("hashtag:local", "rust", null).streamUri().getPath()).isEqualTo("/api/v1/streaming/hashtag/local");
        assertThat(settings("list", null, "42").streamUri()).hasToString("https://streaming.example.social/api/v1/streaming/list?list=42");
        assertThat(settings("list", null, "42").catchUpUri("9").getPath()).isEqualTo("/api/v1/timelines/list/42");
    }
}
