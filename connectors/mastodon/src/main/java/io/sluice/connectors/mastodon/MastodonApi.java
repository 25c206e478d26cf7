package io.sluice.connectors.mastodon;

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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;

/** The two calls the source makes: open the timeline's stream, and read a page of the REST timeline. Thread-safe. */
final class MastodonApi {
    private static final int EXCERPT = 500;

    private final HttpClient http;
    private final MastodonSettings settings;
    private final RecordFormat json;

    MastodonApi(HttpClient http, MastodonSettings settings, RecordFormat json) {
        this.http = http;
        this.settings = settings;
        this.json = json;
    }

    /**
     * Opens the timeline's event stream; returns once the server answered 200.
     *
     * @throws MastodonApiException on 429 or a server error
     * @throws ConnectorException   on any other refusal (token, unknown list, streaming disabled)
     */
    HttpResponse<Flow.Publisher<List<ByteBuffer>>> openStream() throws IOException, InterruptedException {
        URI uri = settings.streamUri();
        HttpRequest request = request(uri).header("Accept", "text/event-stream").build();
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
            throw refusal(response.statusCode(), response.headers(), body.toString(), "GET " + uri.getPath());
        }
        return response;
    }

    /** The statuses just after {@code minId} on the REST timeline (one page, in the order the server sent). */
    List<Record> statusesAfter(String minId) throws IOException, InterruptedException {
        URI uri = settings.catchUpUri(minId);
        HttpResponse<byte[]> response = send(request(uri).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() != 200) {
            throw refusal(response.statusCode(), response.headers(), text, "GET " + uri.getPath());
        }
        // The json format decodes objects, and a timeline is an array: wrap it in one.
        Record wrapped;
        try {
            wrapped = json.decode(("{\"statuses\":" + text + "}").getBytes(StandardCharsets.UTF_8));
        } catch (BadRecordException e) {
            throw new MastodonApiException("the timeline " + uri.getPath() + " is not a JSON array: " + e.getMessage(),
                    response.statusCode(), Optional.empty());
        }
        List<Record> statuses = new ArrayList<>();
        if (wrapped.get("statuses") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof java.util.Map<?, ?> m) {
                    Record.Builder b = Record.builder();
                    m.forEach((k, v) -> b.field(k.toString(), v));
                    statuses.add(b.build());
                }
            }
        }
        return statuses;
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(settings.connectTimeout()).GET()
                .header("User-Agent", "sluice-mastodon");
        settings.accessToken().ifPresent(token -> b.header("Authorization", "Bearer " + token));
        return b;
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

    private RuntimeException refusal(int status, HttpHeaders headers, String body, String what) {
        String said = body.isBlank() ? "" : "; the server said: " + excerpt(body);
        String server = settings.instanceUrl().getHost();
        if (status == 401 || status == 403) {
            return new ConnectorException(server + " refused " + what + " (HTTP " + status + "): "
                    + (settings.accessToken().isPresent() ? "check that access-token is valid and has the read scope"
                    : "this server wants an access token for this timeline; set access-token") + said);
        }
        if (status == 404) {
            return new ConnectorException(server + " has no " + what + " (HTTP 404): check timeline, tag or list-id, "
                    + "and streaming-url if the server streams from another host" + said);
        }
        if (status == 429 || status >= 500) {
            Optional<Instant> reset = headers.firstValue("X-RateLimit-Reset").flatMap(MastodonApi::instant);
            return new MastodonApiException(server + " failed " + what + " (HTTP " + status + ")" + said, status, reset);
        }
        return new ConnectorException(server + " rejected " + what + " (HTTP " + status + ")" + said);
    }

    private static Optional<Instant> instant(String header) {
        try {
            return Optional.of(OffsetDateTime.parse(header.trim()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String excerpt(String text) {
        String t = text.strip();
        return t.length() <= EXCERPT ? t : t.substring(0, EXCERPT) + "...";
    }
}
