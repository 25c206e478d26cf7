package io.sluice.connectors.x;

import io.sluice.connectors.support.LineStream;
import io.sluice.spi.BadRecordException;
import io.sluice.spi.ConnectorException;
import io.sluice.spi.Record;
import io.sluice.spi.format.RecordFormat;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;

/**
 * The three X API v2 calls the source makes: list, add and delete stream rules, and open the filtered
 * stream. JSON is read and written with the platform's {@code json} format. Thread-safe.
 */
final class XApi {
    static final String RULES_PATH = "2/tweets/search/stream/rules";
    static final String STREAM_PATH = "2/tweets/search/stream";
    private static final int EXCERPT = 500;

    /** A rule as X holds it. */
    record RuleOnX(String id, StreamRule rule) {
    }

    private final HttpClient http;
    private final XStreamSettings settings;
    private final RecordFormat json;

    XApi(HttpClient http, XStreamSettings settings, RecordFormat json) {
        this.http = http;
        this.settings = settings;
        this.json = json;
    }

    /** {@code GET /2/tweets/search/stream/rules}. */
    List<RuleOnX> rules() throws IOException, InterruptedException {
        Record body = send(request(RULES_PATH).GET().build(), "GET " + RULES_PATH);
        List<RuleOnX> rules = new ArrayList<>();
        if (body.get("data") instanceof List<?> data) {
            for (Object o : data) {
                Map<?, ?> rule = (Map<?, ?>) o;
                rules.add(new RuleOnX(String.valueOf(rule.get("id")),
                        new StreamRule(String.valueOf(rule.get("value")), (String) rule.get("tag"))));
            }
        }
        return rules;
    }

    /** {@code POST /2/tweets/search/stream/rules} with {@code {"delete": {"ids": [...]}}}. */
    void delete(List<String> ids) throws IOException, InterruptedException {
        post(Record.builder().field("delete", Map.of("ids", ids)).build(), "delete");
    }

    /**
     * {@code POST /2/tweets/search/stream/rules} with {@code {"add": [{"value": ..., "tag": ...}]}}.
     *
     * @throws ConnectorException if X rejects a rule (invalid syntax, a duplicate), with X's reasons
     */
    void add(List<StreamRule> rules) throws IOException, InterruptedException {
        List<Map<String, String>> add = rules.stream().map(r -> Map.of("value", r.value(), "tag", r.tag())).toList();
        post(Record.builder().field("add", add).build(), "add");
    }

    private void post(Record payload, String what) throws IOException, InterruptedException {
        HttpRequest request = request(RULES_PATH).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.encode(payload))).build();
        Record body = send(request, "POST " + RULES_PATH + " (" + what + ")");
        if (body.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
            throw new ConnectorException("X did not " + what + " every stream rule; fix the rules: " + errors);
        }
    }

    /**
     * {@code GET /2/tweets/search/stream}: returns once X answered 200, with the body to read.
     *
     * @throws XApiException      on 429 or a server error
     * @throws ConnectorException on any other refusal (bad token, no access, bad parameters)
     */
    HttpResponse<Flow.Publisher<List<ByteBuffer>>> openStream(boolean reconnect)
            throws IOException, InterruptedException {
        String query = settings.streamQuery(reconnect);
        HttpRequest request = request(STREAM_PATH + (query.isEmpty() ? "" : "?" + query)).GET().build();
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = send(request, HttpResponse.BodyHandlers.ofPublisher());
        if (response.statusCode() != 200) {
            StringBuilder body = new StringBuilder();
            try (LineStream lines = new LineStream(response.body())) {
                List<String> got;
                while (!lines.ended() && body.length() < EXCERPT
                        && (got = lines.poll(settings.connectTimeout().toMillis())) != null) {
                    got.forEach(line -> body.append(line).append('\n'));
                }
            }
            throw refusal(response.statusCode(), response.headers(), body.toString(), "GET " + STREAM_PATH);
        }
        return response;
    }

    /** Sends on the client's threads and waits here, so that interrupting this thread (stop) ends the wait. */
    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<T>> response = http.sendAsync(request, handler);
        try {
            return response.get();
        } catch (InterruptedException e) {
            response.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(settings.baseUrl().resolve(URI.create(path)))
                .timeout(settings.connectTimeout())
                .header("Authorization", "Bearer " + settings.bearerToken())
                .header("User-Agent", "sluice-x");
    }

    private Record send(HttpRequest request, String what) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray());
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() / 100 != 2) {
            throw refusal(response.statusCode(), response.headers(), text, what);
        }
        try {
            return json.decode(response.body());
        } catch (BadRecordException e) {
            throw new XApiException("X answered " + what + " with something that is not JSON: " + excerpt(text),
                    response.statusCode(), OptionalLong.empty());
        }
    }

    /** The exception for a non-success status: retriable for 429 and 5xx, a ConnectorException otherwise. */
    static RuntimeException refusal(int status, HttpHeaders headers, String body, String what) {
        String said = body.isBlank() ? "" : "; X said: " + excerpt(body);
        if (status == 401) {
            return new ConnectorException("X rejected the bearer token (HTTP 401 Unauthorized) on " + what
                    + ": set bearer-token to the app-only bearer token of your X project" + said);
        }
        if (status == 403) {
            return new ConnectorException("X refused " + what + " (HTTP 403 Forbidden): the bearer token's app may "
                    + "not use the filtered stream (it must be attached to a project with filtered-stream access)" + said);
        }
        if (status == 429) {
            OptionalLong reset = headers.firstValue("x-rate-limit-reset").map(XApi::epochSeconds)
                    .orElse(OptionalLong.empty());
            return new XApiException("X rate-limited " + what + " (HTTP 429)" + said, status, reset);
        }
        if (status >= 500) {
            return new XApiException("X failed " + what + " (HTTP " + status + ")" + said, status, OptionalLong.empty());
        }
        return new ConnectorException("X rejected " + what + " (HTTP " + status + ")" + said);
    }

    private static OptionalLong epochSeconds(String header) {
        try {
            return OptionalLong.of(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static String excerpt(String text) {
        String t = text.strip();
        return t.length() <= EXCERPT ? t : t.substring(0, EXCERPT) + "...";
    }
}
