package io.sluice.connectors.bluesky;

import io.sluice.spi.ConnectorException;
import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One Jetstream WebSocket, read by one thread with a timeout. Flow-controlled: the next message is
 * requested only once the reader has taken the previous one, so a slow pipeline slows Jetstream down
 * (which drops clients that fall too far behind; the cursor then resumes). Pongs count as activity.
 *
 * <pre>{@code
 * try (JetstreamConnection c = JetstreamConnection.open(http, uri, timeout)) {
 *     String message = c.poll(50);   // null: nothing within 50 ms
 * }
 * }</pre>
 */
final class JetstreamConnection implements AutoCloseable {
    private static final Object PONG = new Object();
    private static final Object END = new Object();

    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private WebSocket socket;
    private boolean ended;

    private JetstreamConnection() {
    }

    /**
     * Connects; returns once the handshake succeeded.
     *
     * @throws ConnectorException if the server refused the subscription with a 4xx (bad filters, gone)
     * @throws IOException        if it could not be reached or failed otherwise (worth retrying)
     */
    static JetstreamConnection open(HttpClient http, URI uri, Duration timeout) throws IOException, InterruptedException {
        JetstreamConnection c = new JetstreamConnection();
        CompletableFuture<WebSocket> opening = http.newWebSocketBuilder().connectTimeout(timeout)
                .buildAsync(uri, c.new Listener());
        try {
            c.socket = opening.get();
            return c;
        } catch (InterruptedException e) {
            opening.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                int status = refused.getResponse().statusCode();
                if (status >= 400 && status < 500 && status != 429) {
                    throw new ConnectorException("Jetstream refused the subscription " + uri + " (HTTP " + status
                            + "): check endpoint, wanted-collections (at most 100) and wanted-dids (at most 10,000)");
                }
                throw new IOException("Jetstream refused the subscription (HTTP " + status + ")", refused);
            }
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /**
     * The next message, or {@code null} if none (nor a pong) arrived within {@code waitMillis}; a pong
     * returns the empty string.
     *
     * @throws EOFException when the server closed the connection
     * @throws IOException  when the connection failed
     */
    String poll(long waitMillis) throws IOException, InterruptedException {
        if (ended) {
            throw new EOFException("the Jetstream connection is closed");
        }
        Object item = inbox.poll(waitMillis, TimeUnit.MILLISECONDS);
        if (item == null) {
            return null;
        }
        if (item == PONG) {
            return "";
        }
        if (item == END) {
            ended = true;
            throw new EOFException("Jetstream closed the connection");
        }
        if (item instanceof Throwable failure) {
            ended = true;
            throw failure instanceof IOException io ? io : new IOException(failure.getMessage(), failure);
        }
        socket.request(1);
        return (String) item;
    }

    /** Asks the server for a pong (activity on an idle but healthy connection). */
    void ping() {
        socket.sendPing(ByteBuffer.allocate(0));
    }

    /** Drops the connection at once (no closing handshake); idempotent. */
    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private StringBuilder text = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                inbox.add(text.toString());
                text = new StringBuilder();
            } else {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            inbox.add(PONG);
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            inbox.add(END);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            inbox.add(error);
        }
    }
}
