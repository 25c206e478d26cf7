package io.sluice.connectors.support;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The lines of a streamed HTTP body ({@code BodyHandlers.ofPublisher()}), read by one thread with a
 * timeout: unlike a blocking {@code InputStream}, waiting can be bounded (to detect a stall) and is
 * interruptible, and {@link #close()} cancels the body, which closes the connection. Flow-controlled:
 * the next part of the body is requested only once the reader has taken the previous one. Lines end
 * at {@code \n}; a {@code \r} before it is dropped; a last line without a line break is returned when
 * the body ends.
 *
 * <pre>{@code
 * try (LineStream lines = new LineStream(response.body())) {
 *     List<String> got = lines.poll(50);   // null: nothing arrived within 50 ms
 * }
 * }</pre>
 */
public final class LineStream implements AutoCloseable {
    private static final Object END = new Object();

    private final BlockingQueue<Object> parts = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;
    private volatile boolean closed;
    private boolean ended;

    public LineStream(Flow.Publisher<List<ByteBuffer>> body) {
        body.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                if (closed) {
                    s.cancel();
                } else {
                    s.request(1);
                }
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
                parts.add(item);
            }

            @Override
            public void onError(Throwable failure) {
                parts.add(failure);
            }

            @Override
            public void onComplete() {
                parts.add(END);
            }
        });
    }

    /**
     * The lines completed by the next part of the body: {@code null} if no data arrived within
     * {@code waitMillis}, possibly an empty list if data arrived but completed no line.
     *
     * @throws EOFException         when the body has ended (after its last line was returned)
     * @throws IOException          when the connection failed
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public List<String> poll(long waitMillis) throws IOException, InterruptedException {
        if (ended) {
            throw new EOFException("the stream ended");
        }
        Object part = parts.poll(waitMillis, TimeUnit.MILLISECONDS);
        if (part == null) {
            return null;
        }
        if (part instanceof Throwable failure) {
            ended = true;
            throw failure instanceof IOException io ? io : new IOException(failure.getMessage(), failure);
        }
        List<String> lines = new ArrayList<>();
        if (part == END) {
            ended = true;
            if (partial.size() > 0) {
                lines.add(take());
            }
            return lines;
        }
        @SuppressWarnings("unchecked")
        List<ByteBuffer> buffers = (List<ByteBuffer>) part;
        for (ByteBuffer buffer : buffers) {
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                if (b == '\n') {
                    lines.add(take());
                } else {
                    partial.write(b);
                }
            }
        }
        subscription.request(1);
        return lines;
    }

    /** Whether the body has ended or failed (nothing more will come). */
    public boolean ended() {
        return ended;
    }

    private String take() {
        byte[] bytes = partial.toByteArray();
        partial.reset();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** Cancels the body (closing the connection); idempotent, from any thread. */
    @Override
    public void close() {
        closed = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
