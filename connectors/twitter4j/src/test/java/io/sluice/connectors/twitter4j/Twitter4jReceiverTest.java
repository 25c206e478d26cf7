package io.sluice.connectors.twitter4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The receiver against a v1.1 streaming API emulated by WireMock, through the real twitter4j. */
class Twitter4jReceiverTest {
    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final String SAMPLE = "/1.1/statuses/sample.json";
    static final String FILTER = "/1.1/statuses/filter.json";

    /**
     * One server per test, not per class: a request the previous test's stopped receiver still had in
     * flight (the JDK client may write it after the interrupt) then hits a closed port instead of
     * advancing this test's stub scenario.
     */
    @RegisterExtension
    final WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private Twitter4jReceiver receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.stop();
        }
    }

    private Config.Builder config() {
        return config(api.baseUrl());
    }

    static Config.Builder config(String baseUrl) {
        return Config.builder(Twitter4jSourceFactory.SPEC)
                .set(Twitter4jSourceFactory.CONSUMER_KEY, "ck").set(Twitter4jSourceFactory.CONSUMER_SECRET, "cs")
                .set(Twitter4jSourceFactory.ACCESS_TOKEN, "at").set(Twitter4jSourceFactory.ACCESS_TOKEN_SECRET, "ats")
                .set(Twitter4jSourceFactory.STREAM_BASE_URL, baseUrl + "/1.1/");
    }

    private StoringReceiverContext start(Config config) {
        StoringReceiverContext ctx = new StoringReceiverContext(config, new ManualClock(TestComponentContext.DEFAULT_TIME));
        receiver = new Twitter4jReceiver(Twitter4jSettings.from(config), ctx.componentContext());
        receiver.start(ctx);
        return ctx;
    }

    /** A streamed body that ends after the lines. */
    static ResponseDefinitionBuilder stream(String... lines) {
        return aResponse().withStatus(200).withBody(String.join("\r\n", lines) + "\r\n")
                .withChunkedDribbleDelay(lines.length, 20 * lines.length);
    }

    /** A stream that stays open for a minute sending only keep-alives, every 100 ms. */
    static ResponseDefinitionBuilder keepAlivesOnly() {
        return aResponse().withStatus(200).withBody("\r\n".repeat(600)).withChunkedDribbleDelay(600, 60_000);
    }

    private void stubStreams(String path, ResponseDefinitionBuilder... responses) {
        stubStreams(api, path, responses);
    }

    static void stubStreams(WireMockExtension server, String path, ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            server.stubFor(any(urlPathEqualTo(path)).inScenario("stream")
                    .whenScenarioStateIs(i == 0 ? STARTED : "connection-" + i)
                    .willReturn(responses[i]).willSetStateTo("connection-" + (i + 1)));
        }
    }

    private List<LoggedRequest> requests(String path) {
        return api.findAll(anyRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void sampledStatusesBecomeRecordsDeletionsAreCountedAndUnreadableLinesReported() {
        stubStreams(SAMPLE, stream(V11Statuses.status(1001, "#cats @bob https://t.co/x", "cats"), "",
                V11Statuses.delete(999), "{not json", V11Statuses.status(1002, "two", "dogs")), keepAlivesOnly());

        StoringReceiverContext ctx = start(config().set(Twitter4jSourceFactory.STREAM, "sample").build());

        await().atMost(DEADLINE).until(() -> ctx.stored().size() == 2);
        Record first = ctx.stored().get(0);
        assertThat(first.fields()).containsEntry("id", "1001").containsEntry("text", "#cats @bob https://t.co/x")
                .containsEntry("user_id", "42").containsEntry("user_screen_name", "alice")
                .containsEntry("created_at", "2024-11-23T19:26:40Z").containsEntry("lang", "en")
                .containsEntry("hashtags", List.of("cats")).containsEntry("mentions", List.of("bob"))
                .containsEntry("urls", List.of("https://example.org/a")).containsEntry("retweet", false);
        assertThat(first.timestamp()).isEqualTo(1_732_390_000_000L);
        assertThat(ctx.stored().get(1).get("hashtags")).isEqualTo(List.of("dogs"));
        await().atMost(DEADLINE).until(() -> ctx.count("deletion_notices") == 1);
        assertThat(ctx.context().collectedErrors().raw()).hasSize(1);
        assertThat(requests(SAMPLE).get(0).getHeader("Authorization")).startsWith("OAuth ")
                .contains("oauth_consumer_key=\"ck\"").contains("oauth_token=\"at\"");
    }

    @Test
    void theFilterStreamPostsTrackFollowLocationsAndLanguage() {
        stubStreams(FILTER, stream(V11Statuses.status(1, "x", "rust")), keepAlivesOnly());

        StoringReceiverContext ctx = start(config()
                .set(Twitter4jSourceFactory.TRACK, List.of("#rust", "java"))
                .set(Twitter4jSourceFactory.FOLLOW, List.of("12", "34"))
                .set(Twitter4jSourceFactory.LOCATIONS, List.of("-122.75,36.8,-121.75,37.8"))
                .set(Twitter4jSourceFactory.LANGUAGE, List.of("en")).build());

        await().atMost(DEADLINE).until(() -> ctx.stored().size() == 1);
        LoggedRequest request = requests(FILTER).get(0);
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        String form = URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8);
        assertThat(form).contains("track=#rust,java").contains("follow=12,34")
                .contains("locations=-122.75,36.8,-121.75,37.8").contains("language=en");
    }

    @Test
    void aStreamThatEndsIsReopenedByTwitter4j() {
        stubStreams(SAMPLE, stream(V11Statuses.status(1, "a", "a"), V11Statuses.status(2, "b", "b")),
                stream(V11Statuses.status(3, "c", "c")), keepAlivesOnly());

        StoringReceiverContext ctx = start(config().set(Twitter4jSourceFactory.STREAM, "sample").build());

        await().atMost(DEADLINE).until(() -> ctx.stored().size() == 3);
        assertThat(ctx.stored()).extracting(r -> r.get("id")).containsExactly("1", "2", "3");
        assertThat(ctx.count("connects")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void refusedCredentialsFailTheStartAndStopTheStreamInsteadOfRetrying() {
        stubStreams(SAMPLE, aResponse().withStatus(401).withBody("Unauthorized"), keepAlivesOnly());

        assertThatThrownBy(() -> start(config().set(Twitter4jSourceFactory.STREAM, "sample").build()))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("HTTP 401")
                .hasMessageContaining("consumer-key");
        await().during(Duration.ofMillis(500)).atMost(DEADLINE).until(() -> requests(SAMPLE).size() == 1);
        api.verify(1, anyRequestedFor(urlPathEqualTo(SAMPLE)).withHeader("Authorization", matching("OAuth .*")));
    }

    @Test
    void aFilterNeedsSomethingToFilterOnAndLocationsAreBoxes() {
        assertThatThrownBy(() -> Twitter4jSettings.from(config().build()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("track, follow or locations");
        assertThatThrownBy(() -> config().set(Twitter4jSourceFactory.LOCATIONS, List.of("1,2,3")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("west,south,east,north");
        assertThatThrownBy(() -> config().set(Twitter4jSourceFactory.FOLLOW, List.of("alice")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("numeric user ids");
    }
}
