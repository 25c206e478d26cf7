package io.sluice.connectors.x;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.sluice.spi.ConnectorException;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.testkit.ManualClock;
import io.sluice.spi.testkit.TestComponentContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The receiver against an X API emulated by WireMock: rules sync, streaming, reconnects, refusals. */
class XStreamReceiverTest {
    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final String STREAM = "/" + XApi.STREAM_PATH;
    static final String RULES = "/" + XApi.RULES_PATH;

    /**
     * One server per test, not per class: a request the previous test's stopped receiver still had in
     * flight (the JDK client may write it after the interrupt) then hits a closed port instead of
     * advancing this test's stub scenario.
     */
    @RegisterExtension
    final WireMockExtension x = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final RecordingPause pause = new RecordingPause();
    private XStreamReceiver receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.stop();
        }
    }

    private Config.Builder config() {
        return Config.builder(XFilteredStreamSourceFactory.SPEC)
                .set(XFilteredStreamSourceFactory.BEARER_TOKEN, "secret-token")
                .set(XFilteredStreamSourceFactory.BASE_URL, x.baseUrl());
    }

    private StoringReceiverContext start(Config config, Clock clock) {
        StoringReceiverContext ctx = new StoringReceiverContext(config, clock);
        receiver = new XStreamReceiver(XStreamSettings.from(config), ctx.componentContext(), pause);
        receiver.start(ctx);
        return ctx;
    }

    private StoringReceiverContext start(Config config) {
        return start(config, new ManualClock(TestComponentContext.DEFAULT_TIME));
    }

    /** A streamed body that ends after the lines, dribbled in one chunk per line. */
    static ResponseDefinitionBuilder stream(String... lines) {
        return aResponse().withStatus(200).withBody(String.join("\r\n", lines) + "\r\n")
                .withChunkedDribbleDelay(lines.length, 20 * lines.length);
    }

    /** A stream that stays open for a minute sending only keep-alives, every 100 ms. */
    static ResponseDefinitionBuilder keepAlivesOnly() {
        return aResponse().withStatus(200).withBody("\r\n".repeat(600)).withChunkedDribbleDelay(600, 60_000);
    }

    private void stubStreams(ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            x.stubFor(get(urlPathEqualTo(STREAM)).inScenario("stream")
                    .whenScenarioStateIs(i == 0 ? STARTED : "connection-" + i)
                    .willReturn(responses[i]).willSetStateTo("connection-" + (i + 1)));
        }
    }

    private List<LoggedRequest> streamRequests() {
        return x.findAll(getRequestedFor(urlPathEqualTo(STREAM)));
    }

    @Test
    void rulesAreSyncedOnStartDeletingStaleOnesThenAddingMissingOnes() {
        x.stubFor(get(urlPathEqualTo(RULES)).willReturn(okJson("{\"data\":["
                + "{\"id\":\"1\",\"value\":\"cat has:images\",\"tag\":\"cats\"},"
                + "{\"id\":\"2\",\"value\":\"dog\",\"tag\":\"old-tag\"},"
                + "{\"id\":\"3\",\"value\":\"bird\",\"tag\":\"birds\"}],\"meta\":{\"result_count\":3}}")));
        x.stubFor(post(urlPathEqualTo(RULES)).willReturn(okJson("{\"meta\":{\"summary\":{}}}")));
        stubStreams(keepAlivesOnly());

        start(config().set(XFilteredStreamSourceFactory.RULES, Map.of("cats", "cat has:images", "dogs", "dog")).build());

        x.verify(getRequestedFor(urlPathEqualTo(RULES)).withHeader("Authorization", equalTo("Bearer secret-token")));
        x.verify(1, postRequestedFor(urlPathEqualTo(RULES)).withRequestBody(equalToJson("{\"delete\":{\"ids\":[\"2\",\"3\"]}}")));
        x.verify(1, postRequestedFor(urlPathEqualTo(RULES))
                .withRequestBody(equalToJson("{\"add\":[{\"value\":\"dog\",\"tag\":\"dogs\"}]}")));
        x.verify(2, postRequestedFor(urlPathEqualTo(RULES)));
        List<LoggedRequest> posts = x.findAll(postRequestedFor(urlPathEqualTo(RULES)));
        assertThat(posts.get(0).getBodyAsString()).contains("delete");
        await().atMost(DEADLINE).until(() -> streamRequests().size() == 1);
        assertThat(streamRequests().get(0).queryParameter("tweet.fields").values())
                .containsExactly("created_at,lang,author_id,entities");
        assertThat(streamRequests().get(0).queryParameter("expansions").values()).containsExactly("author_id");
    }

    @Test
    void withoutDeclaredRulesXsRulesAreLeftAlone() {
        stubStreams(keepAlivesOnly());

        start(config().build());

        await().atMost(DEADLINE).until(() -> streamRequests().size() == 1);
        x.verify(0, getRequestedFor(urlPathEqualTo(RULES)));
        x.verify(0, postRequestedFor(urlPathEqualTo(RULES)));
    }

    @Test
    void tweetsAreStoredKeepAlivesCountedAndMalformedLinesReportedWhileTheStreamGoesOn() {
        stubStreams(stream(Tweets.tweet("1"), "", "{not json", "", "{\"meta\":{}}", Tweets.tweet("2")), keepAlivesOnly());

        StoringReceiverContext ctx = start(config().build());

        await().atMost(DEADLINE).until(() -> ctx.stored().size() == 2);
        assertThat(ctx.stored()).extracting(r -> r.get("id")).containsExactly("1", "2");
        assertThat(ctx.count("keep_alives")).isEqualTo(2);
        assertThat(ctx.context().collectedErrors().raw()).extracting(e -> e.rawAsString())
                .containsExactly("{not json", "{\"meta\":{}}");
        assertThat(ctx.count("tweets_received")).isEqualTo(2);
    }

    @Test
    void aConnectionThatEndsMidStreamIsReopenedAtOnceAskingForBackfill() {
        stubStreams(stream(Tweets.tweet("1"), "", Tweets.tweet("2")), stream(Tweets.tweet("3")), keepAlivesOnly());

        StoringReceiverContext ctx = start(config().set(XFilteredStreamSourceFactory.BACKFILL_MINUTES, 2).build());

        await().atMost(DEADLINE).until(() -> ctx.stored().size() == 3);
        assertThat(ctx.stored()).extracting(r -> r.get("id")).containsExactly("1", "2", "3");
        assertThat(pause.delays).isEmpty();
        await().atMost(DEADLINE).until(() -> streamRequests().size() == 3);
        List<LoggedRequest> requests = streamRequests();
        assertThat(requests.get(0).queryParameter("backfill_minutes").isPresent()).isFalse();
        assertThat(requests.get(1).queryParameter("backfill_minutes").values()).containsExactly("2");
        assertThat(ctx.count("reconnects")).isEqualTo(2);
    }

    @Test
    void networkErrorsBackOffLinearlyAndServerErrorsExponentially() {
        stubStreams(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withStatus(503).withBody("{\"title\":\"Service Unavailable\"}"),
                aResponse().withStatus(503),
                stream(Tweets.tweet("1")), keepAlivesOnly());

        StoringReceiverContext ctx = start(config().build());

        await().atMost(DEADLINE).until(() -> ctx.stored().size() == 1);
        // The JDK's client retries a GET once by itself when a pooled connection was reset, so some resets
        // may not reach the receiver; those that do back off 250 ms, 500 ms, ...
        List<Duration> delays = List.copyOf(pause.delays);
        List<Duration> network = delays.subList(0, delays.size() - 2);
        assertThat(network).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        for (int i = 0; i < network.size(); i++) {
            assertThat(network.get(i)).isEqualTo(Duration.ofMillis(250L * (i + 1)));
        }
        assertThat(delays.subList(delays.size() - 2, delays.size()))
                .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @Test
    void http429WaitsUntilTheRateLimitResets() {
        ManualClock clock = new ManualClock(TestComponentContext.DEFAULT_TIME);
        long reset = clock.millis() / 1000 + 90;
        stubStreams(aResponse().withStatus(429).withHeader("x-rate-limit-reset", Long.toString(reset))
                        .withBody("{\"title\":\"Too Many Requests\"}"),
                keepAlivesOnly());

        StoringReceiverContext ctx = start(config().build(), clock);

        await().atMost(DEADLINE).until(() -> streamRequests().size() == 2);
        assertThat(pause.delays).containsExactly(Duration.ofSeconds(90));
    }

    @Test
    void aRefusedTokenFailsTheStartNamingTheProblemWithoutRetrying() {
        x.stubFor(get(urlPathEqualTo(RULES)).willReturn(aResponse().withStatus(401)
                .withBody("{\"title\":\"Unauthorized\",\"detail\":\"Unauthorized\"}")));

        assertThatThrownBy(() -> start(config().set(XFilteredStreamSourceFactory.RULES, Map.of("cats", "cat")).build()))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("bearer-token");
        x.verify(1, getRequestedFor(urlPathEqualTo(RULES)));
        assertThat(streamRequests()).isEmpty();
        receiver = null;
    }

    @Test
    void aRefusalAfterStartStopsTheReceiverInsteadOfRetrying() {
        stubStreams(aResponse().withStatus(503), aResponse().withStatus(401).withBody("{\"title\":\"Unauthorized\"}"));

        start(config().build());

        await().atMost(DEADLINE).until(() -> receiver.failure() != null);
        assertThat(receiver.failure()).hasMessageContaining("HTTP 401");
        assertThat(pause.delays).containsExactly(Duration.ofSeconds(5));
        assertThat(streamRequests()).hasSize(2);
    }

    @Test
    void anInvalidRuleFailsTheStartWithXsReason() {
        x.stubFor(get(urlPathEqualTo(RULES)).willReturn(okJson("{\"meta\":{\"result_count\":0}}")));
        x.stubFor(post(urlPathEqualTo(RULES)).willReturn(okJson("{\"meta\":{\"summary\":{\"invalid\":1}},"
                + "\"errors\":[{\"value\":\"cat (\",\"details\":[\"Rules must contain balanced parentheses\"]}]}")));

        assertThatThrownBy(() -> start(config().set(XFilteredStreamSourceFactory.RULES, Map.of("cats", "cat (")).build()))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("balanced parentheses");
        receiver = null;
    }

    @Test
    void aStalledConnectionIsDroppedAfterTheKeepAliveTimeoutOnTheContextClockAndReopened() throws Exception {
        ManualClock clock = new ManualClock(TestComponentContext.DEFAULT_TIME);
        try (HangingStreamServer hanging = new HangingStreamServer(n -> Tweets.tweet(Integer.toString(n)))) {
            Config config = Config.builder(XFilteredStreamSourceFactory.SPEC)
                    .set(XFilteredStreamSourceFactory.BEARER_TOKEN, "secret-token")
                    .set(XFilteredStreamSourceFactory.BASE_URL, hanging.baseUrl()).build();
            StoringReceiverContext ctx = start(config, clock);
            await().atMost(DEADLINE).until(() -> ctx.stored().size() == 1);

            clock.advance(Duration.ofSeconds(19));
            await().during(Duration.ofMillis(300)).atMost(DEADLINE).until(() -> hanging.connections() == 1);
            // A second more reaches the timeout, unless the last data's time was read after the advance above (a
            // loaded machine): then more is needed, so keep moving time on until the reconnect delivers.
            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> {
                clock.advance(Duration.ofSeconds(1));
                return ctx.stored().size() == 2;
            });
            assertThat(ctx.stored()).extracting((Record r) -> r.get("id")).containsExactly("1", "2");
            assertThat(ctx.count("stalls")).isPositive();
            assertThat(hanging.connections()).isEqualTo(2);
            assertThat(pause.delays).isEmpty();
            receiver.stop();
        }
    }
}
