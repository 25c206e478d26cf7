package io.sluice.connectors.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import org.junit.jupiter.api.Test;

class LineStreamTest {
    private static final long WAIT = 10_000;

    private static List<ByteBuffer> part(String text) {
        return List.of(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A publisher that records how many parts were requested, to check flow control. */
    static final class Body implements Flow.Publisher<List<ByteBuffer>> {
        Flow.Subscriber<? super List<ByteBuffer>> subscriber;
        long requested;
        boolean cancelled;

        @Override
        public void subscribe(Flow.Subscriber<? super List<ByteBuffer>> s) {
            subscriber = s;
            s.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    requested += n;
                }

                @Override
                public void cancel() {
                    cancelled = true;
                }
            });
        }
    }

    @Test
    void linesSpanningPartsAreJoinedCarriageReturnsDroppedAndTheLastUnterminatedLineKept() throws Exception {
        Body body = new Body();
        try (LineStream lines = new LineStream(body)) {
            body.subscriber.onNext(part("{\"a\":1}\r\n{\"b\""));
            assertThat(lines.poll(WAIT)).containsExactly("{\"a\":1}");
            body.subscriber.onNext(part(":2}\r\n\r\n"));
            assertThat(lines.poll(WAIT)).containsExactly("{\"b\":2}", "");
            body.subscriber.onNext(part("tail"));
            assertThat(lines.poll(WAIT)).isEmpty();
            body.subscriber.onComplete();
            assertThat(lines.poll(WAIT)).containsExactly("tail");
            assertThat(lines.ended()).isTrue();
            assertThatThrownBy(() -> lines.poll(WAIT)).isInstanceOf(EOFException.class);
        }
        assertThat(body.cancelled).isTrue();
    }

    @Test
    void thePartAfterIsRequestedOnlyOnceThePreviousWasTaken() throws Exception {
        Body body = new Body();
        try (LineStream lines = new LineStream(body)) {
            assertThat(body.requested).isEqualTo(1);
            body.subscriber.onNext(part("a\n"));
            assertThat(body.requested).isEqualTo(1);
            lines.poll(WAIT);
            assertThat(body.requested).isEqualTo(2);
        }
    }

    @Test
    void nothingWithinTheWaitIsNullAndAFailureIsAnIOException() throws Exception {
        try (SubmissionPublisher<List<ByteBuffer>> publisher = new SubmissionPublisher<>();
                LineStream lines = new LineStream(publisher)) {
            assertThat(lines.poll(1)).isNull();
            publisher.closeExceptionally(new IOException("connection reset"));
            assertThatThrownBy(() -> lines.poll(WAIT)).isInstanceOf(IOException.class).hasMessage("connection reset");
        }
    }
}
