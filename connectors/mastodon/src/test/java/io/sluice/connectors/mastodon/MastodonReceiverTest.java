package io.sluice.connectors.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.sluice.spi.ConnectorException;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigException;
import io.sluice.spi.testkit.ManualClock;
import io.sluice.spi.testkit.TestComponentContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The receiver against a Mastodon server emulated by WireMock: SSE parsing, reconnects, catch-up, refusals. */
class MastodonReceiverTest {
    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final String PUBLIC = "/api/v1/streaming/public";

    /**
     * One server per test, not per class: a request the previous test's stopped receiver still had in
     * flight (the JDK client may write it after the interrupt) then hits a closed port instead of
     * advancing this test's stub scenario.
     */
    @RegisterExtension
    final WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final RecordingPause pause = new RecordingPause();
    private final ManualClock clock = new ManualClock(TestComponentContext.DEFAULT_TIME);
    private MastodonReceiver receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.stop();
        }
    }

    private Config.Builder config() {
        return Config.builder(MastodonSourceFactory.SPEC).set(MastodonSourceFactory.INSTANCE_URL, server.baseUrl());
    }

    private StoringReceiverContext start(Config config) {
        StoringReceiverContext ctx = new StoringReceiverContext(config, clock);
        receiver = new MastodonReceiver(MastodonSettings.from(config), ctx.componentContext(), pause);
        receiver.start(ctx);
        return ctx;
    }

    /** An event stream that ends after {@code events}, dribbled in a few chunks. */
    static ResponseDefinitionBuilder sse(String... events) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(String.join("", events)).withChunkedDribbleDelay(Math.max(1, events.length), 20 * events.length);
    }

    /** A stream that stays open for a minute sending only heartbeats, every 100 ms. */
    static ResponseDefinitionBuilder heartbeatsOnly() {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(":thump\n".repeat(600)).withChunkedDribbleDelay(600, 60_000);
    }

    private void stubStreams(String path, ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            server.stubFor(get(urlPathEqualTo(path)).inScenario("stream")
                    .whenScenarioStateIs(i == 0 ? STARTED : "connection-" + i)
                    .willReturn(responses[i]).willSetStateTo("connection-" + (i + 1)));
        }
    }

    private List<LoggedRequest> requests(String path) {
        return server.findAll(getRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void updatesAndEditsAreStoredHeartbeatsAndDeletesCountedAndMalformedEventsReported() {
        stubStreams(PUBLIC, sse(":thump\n", Statuses.event("update", Statuses.status("100", "cats")),
                Statuses.event("delete", "99"), Statuses.event("update", "{not json"),
                Statuses.event("status.update", Statuses.status("100", "dogs")), ":thump\n"), heartbeatsOnly());

        StoringReceiverContext ctx = start(config().set(MastodonSourceFactory.ACCESS_TOKEN, "tok").build());

        await().atMost(DEADLINE).until(() -> ctx.stored().size() == 2);
        Record first = ctx.stored().get(0);
        assertThat(first.fields()).containsEntry("id", "100").containsEntry("acct", "alice@example.social")
                .containsEntry("text", "Hello & welcome #cats\n\nbye").containsEntry("tags", List.of("cats"))
                .containsEntry("language", "en").containsEntry("url", "https://example.social/@alice/100")
                .containsEntry("event", "update").containsEntry("via", "stream")
                .containsEntry("created_at", "2024-11-23T19:26:40.000Z");
        assertThat(first.getString("html")).startsWith("<p>Hello &amp; welcome");
        assertThat(first.timestamp()).isEqualTo(1_732_390_000_000L);
        assertThat(ctx.stored().get(1).fields()).containsEntry("event", "status.update").containsEntry("tags", List.of("dogs"));
        assertThat(ctx.count("deletes")).isEqualTo(1);
        assertThat(ctx.count("heartbeats")).isGreaterThanOrEqualTo(2);
        assertThat(ctx.context().collectedErrors().raw()).extracting(e -> e.rawAsString()).containsExactly("{not json");
        server.verify(getRequestedFor(urlPathEqualTo(PUBLIC)).withHeader("Authorization", equalTo("Bearer tok")));
    }

    @Test
    void afterADisconnectionTheStatusesPostedMeanwhileAreCaughtUpThroughTheRestTimelineOnce() {
        stubStreams(PUBLIC, sse(Statuses.event("update", Statuses.status("100", "a")),
                        Statuses.event("update", Statuses.status("101", "a"))),
                sse(Statuses.event("update", Statuses.status("103", "a")),
                        Statuses.event("update", Statuses.status("104", "a"))),
                heartbeatsOnly());
        server.stubFor(get(urlPathEqualTo("/api/v1/timelines/public")).withQueryParam("min_id", equalTo("101"))
                .willReturn(okJson("[" + Statuses.status("103", "a") + "," + Statuses.status("102", "a") + "]")));

        StoringReceiverContext ctx = start(config().build());

        await().atMost(DEADLINE).until(() -> ctx.stored().size() == 5);
        assertThat(ctx.stored()).extracting(r -> r.get("id")).containsExactly("100", "101", "102", "103", "104");
        assertThat(ctx.stored()).extracting(r -> r.get("via")).containsExactly("stream", "stream", "catch-up", "catch-up", "stream");
        LoggedRequest catchUp = requests("/api/v1/timelines/public").get(0);
        assertThat(catchUp.queryParameter("limit").values()).containsExactly("40");
        assertThat(ctx.count("statuses_caught_up")).isEqualTo(2);
        assertThat(pause.delays).isEmpty();
    }

    @Test
    void hashtagTimelinesStreamAndCatchUpByTag() {
        stubStreams("/api/v1/streaming/hashtag", sse(Statuses.event("update", Statuses.status("5", "rust"))),
                heartbeatsOnly());
        server.stubFor(get(urlPathEqualTo("/api/v1/timelines/tag/rust")).willReturn(okJson("[]")));

        StoringReceiverContext ctx = start(config().set(MastodonSourceFactory.TIMELINE, "hashtag")
                .set(MastodonSourceFactory.TAG, "rust").build());

        await().atMost(DEADLINE).until(() -> requests("/api/v1/timelines/tag/rust").size() == 1);
        assertThat(ctx.stored()).hasSize(1);
        assertThat(requests("/api/v1/streaming/hashtag").get(0).queryParameter("tag").values()).containsExactly("rust");
        assertThat(requests("/api/v1/timelines/tag/rust").get(0).queryParameter("min_id").values()).containsExactly("5");
    }

    @Test
    void anEmptyAccessTokenMeansNone() {
        assertThat(MastodonSettings.from(config().set(MastodonSourceFactory.ACCESS_TOKEN, "").build()).accessToken())
                .isEmpty();
    }

    @Test
    void aTimelineThatNeedsATagOrListIdSaysSo() {
        assertThatThrownBy(() -> MastodonSettings.from(config().set(MastodonSourceFactory.TIMELINE, "list").build()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("list-id");
        assertThatThrownBy(() -> MastodonSettings.from(config().set(MastodonSourceFactory.TIMELINE, "hashtag").build()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("tag");
    }

    @Test
    void aRefusedStreamFailsTheStartNamingTheTokenWithoutRetrying() {
        stubStreams(PUBLIC, aResponse().withStatus(401).withBody("{\"error\":\"This API requires an authenticated user\"}"));

        assertThatThrownBy(() -> start(config().build())).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("access-token")
                .hasMessageContaining("requires an authenticated user");
        assertThat(requests(PUBLIC)).hasSize(1);
        receiver = null;
    }

    @Test
    void serverErrorsBackOffExponentiallyAnd429WaitsForTheRateLimitReset() {
        Instant reset = clock.instant().plusSeconds(42);
        stubStreams(PUBLIC, aResponse().withStatus(503), aResponse().withStatus(502),
                aResponse().withStatus(429).withHeader("X-RateLimit-Reset", reset.toString()),
                sse(Statuses.event("update", Statuses.status("1", "a"))), heartbeatsOnly());

        StoringReceiverContext ctx = start(config().build());

        await().atMost(DEADLINE).until(() -> ctx.stored().size() == 1);
        assertThat(pause.delays).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(42));
    }

    @Test
    void aStalledStreamIsDroppedAfterTheStallTimeoutOnTheContextClockAndReopened() throws Exception {
        try (HangingStreamServer hanging = new HangingStreamServer(n ->
                "event: update\ndata: " + Statuses.status(Integer.toString(n), "a") + "\n")) {
            Config config = Config.builder(MastodonSourceFactory.SPEC)
                    .set(MastodonSourceFactory.INSTANCE_URL, server.baseUrl())
                    .set(MastodonSourceFactory.STREAMING_URL, hanging.baseUrl())
                    .set(MastodonSourceFactory.CATCH_UP_PAGES, 0).build();
            StoringReceiverContext ctx = start(config);
            await().atMost(DEADLINE).until(() -> ctx.stored().size() == 1);

            clock.advance(Duration.ofSeconds(44));
            await().during(Duration.ofMillis(300)).atMost(DEADLINE).until(() -> hanging.connections() == 1);
            // A second more reaches the timeout, unless the last data's time was read after the advance above (a
            // loaded machine): then more is needed, so keep moving time on until the reconnect delivers.
            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> {
                clock.advance(Duration.ofSeconds(1));
                return ctx.stored().size() == 2;
            });
            assertThat(ctx.stored()).extracting(r -> r.get("id")).containsExactly("1", "2");
            assertThat(ctx.count("stalls")).isPositive();
            receiver.stop();
        }
    }
}
