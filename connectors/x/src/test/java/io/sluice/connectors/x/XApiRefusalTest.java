package io.sluice.connectors.x;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.ConnectorException;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class XApiRefusalTest {
    private static final HttpHeaders NONE = HttpHeaders.of(Map.of(), (a, b) -> true);

    @Test
    void statusesThatRetryingCannotFixAreConnectorExceptionsSayingWhatToChange() {
        assertThat(XApi.refusal(403, NONE, "{\"title\":\"client-not-enrolled\"}", "GET s"))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("HTTP 403")
                .hasMessageContaining("filtered-stream access").hasMessageContaining("client-not-enrolled");
        assertThat(XApi.refusal(400, NONE, "bad tweet.fields", "GET s"))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("HTTP 400").hasMessageContaining("bad tweet.fields");
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriableWithTheResetHeader() {
        HttpHeaders reset = HttpHeaders.of(Map.of("x-rate-limit-reset", List.of("1732390090")), (a, b) -> true);
        assertThat(XApi.refusal(429, reset, "", "GET s")).isInstanceOfSatisfying(XApiException.class, e -> {
            assertThat(e.rateLimited()).isTrue();
            assertThat(e.rateLimitReset()).isEqualTo(OptionalLong.of(1_732_390_090L));
        });
        assertThat(XApi.refusal(503, NONE, "", "GET s")).isInstanceOfSatisfying(XApiException.class,
                e -> assertThat(e.rateLimited()).isFalse());
    }
}
