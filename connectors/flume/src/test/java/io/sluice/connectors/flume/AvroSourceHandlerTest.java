package io.sluice.connectors.flume;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.platform.format.RecordFormats;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.testkit.TestComponentContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.util.Utf8;
import org.apache.flume.source.avro.AvroFlumeEvent;
import org.apache.flume.source.avro.Status;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroSourceHandlerTest {
    /** The platform's formats: the real text format rejects invalid UTF-8. */
    private final TestComponentContext base = TestComponentContext.builder().componentName("sources.agents")
            .format(RecordFormats.standard().get("text")).format(RecordFormats.standard().get("json")).build();
    private final RecordingReceiverContext context = new RecordingReceiverContext(base);
    private final StoreGate gate = new StoreGate();
    private StoreDeadlines deadlines;

    @AfterEach
    void stopTimer() {
        if (deadlines != null) {
            deadlines.close();
        }
    }

    private AvroSourceHandler handler(Map<String, Object> config) {
        Config.Builder b = Config.builder(FlumeSourceFactory.SPEC).setRaw("port", 0);
        config.forEach(b::setRaw);
        FlumeSourceSettings settings = FlumeSourceSettings.from(b.build());
        deadlines = new StoreDeadlines(settings.maxStoreWait(), "test");
        return new AvroSourceHandler(context, new FlumeEventDecoder(context, settings), gate, deadlines,
                settings.maxBatchSize());
    }

    static AvroFlumeEvent event(String body, Map<String, String> headers) {
        Map<CharSequence, CharSequence> avroHeaders = new java.util.HashMap<>();
        headers.forEach((k, v) -> avroHeaders.put(new Utf8(k), new Utf8(v)));
        return new AvroFlumeEvent(avroHeaders, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void answersOkOnlyWithTheEventsStoredAndHeadersAsStrings() {
        AvroSourceHandler handler = handler(Map.of("format", "text"));

        Status status = handler.appendBatch(List.of(event("a", Map.of("host", "h1")), event("b", Map.of())));

        assertThat(status).isEqualTo(Status.OK);
        assertThat(context.stored).extracting(r -> r.get("text")).containsExactly("a", "b");
        assertThat(context.stored.get(0).headers()).isEqualTo(Map.of("host", "h1"));
        assertThat(context.stored.get(1).timestamp()).isEqualTo(TestComponentContext.DEFAULT_TIME.toEpochMilli());
        assertThat(base.testMetrics().counter("events_accepted").count()).isEqualTo(2);
    }

    @Test
    void answersFailedAndStoresNothingWhenThePipelineRefuses() {
        AvroSourceHandler handler = handler(Map.of());
        context.refuse();

        assertThat(handler.append(event("a", Map.of()))).isEqualTo(Status.FAILED);
        assertThat(context.stored).isEmpty();
    }

    @Test
    void answersFailedToABatchLargerThanTheMaximumWithoutStoringAnyOfIt() {
        AvroSourceHandler handler = handler(Map.of("max-batch-size", 3));
        List<AvroFlumeEvent> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(event("e" + i, Map.of()));
        }

        assertThat(handler.appendBatch(four)).isEqualTo(Status.FAILED);
        assertThat(handler.appendBatch(four.subList(0, 3))).isEqualTo(Status.OK);
        assertThat(context.stored).hasSize(3);
    }

    @Test
    void badBodiesAreReportedAfterTheRestWasStoredAndTheCallIsAcknowledged() {
        AvroSourceHandler handler = handler(Map.of("format", "text", "max-event-size", 8));
        AvroFlumeEvent invalidUtf8 = new AvroFlumeEvent(Map.of(), ByteBuffer.wrap(new byte[] {(byte) 0xC3, (byte) 0x28}));

        Status status = handler.appendBatch(List.of(event("ok", Map.of()), invalidUtf8, event("far-too-long", Map.of())));

        assertThat(status).isEqualTo(Status.OK);
        assertThat(context.stored).extracting(r -> r.get("text")).containsExactly("ok");
        assertThat(base.collectedErrors().raw()).extracting(e -> e.origin())
                .containsExactly("sources.agents appendBatch event 2 of 3", "sources.agents appendBatch event 3 of 3");
        assertThat(base.collectedErrors().raw().get(1).cause()).hasMessageContaining("max-event-size 8");
        assertThat(base.collectedErrors().raw().get(1).rawAsString()).isEqualTo("far-too-long");
    }

    @Test
    void badBodiesOfARefusedCallAreNotReportedYetSinceTheSenderWillSendThemAgain() {
        AvroSourceHandler handler = handler(Map.of("format", "json"));
        context.refuse();

        assertThat(handler.appendBatch(List.of(event("{\"ok\": 1}", Map.of()), event("{not json", Map.of()))))
                .isEqualTo(Status.FAILED);
        assertThat(base.collectedErrors().isEmpty()).isTrue();
    }

    @Test
    void aTimestampHeaderInEpochMillisBecomesTheRecordTimestamp() {
        AvroSourceHandler handler = handler(Map.of());

        handler.appendBatch(List.of(event("a", Map.of("timestamp", "1732390000999")),
                event("b", Map.of("timestamp", "yesterday"))));

        List<Record> stored = context.stored;
        assertThat(stored.get(0).timestamp()).isEqualTo(1732390000999L);
        assertThat(stored.get(1).timestamp()).isEqualTo(TestComponentContext.DEFAULT_TIME.toEpochMilli());
        assertThat(stored.get(1).headers()).containsEntry("timestamp", "yesterday");
        assertThat(stored.get(0).payloadAsString()).isEqualTo("a");
    }

    @Test
    void afterTheGateClosedEveryCallIsAnsweredFailed() {
        AvroSourceHandler handler = handler(Map.of());
        gate.close(0);

        assertThat(handler.append(event("a", Map.of()))).isEqualTo(Status.FAILED);
        assertThat(context.stored).isEmpty();
    }

    @Test
    void aCallHeldUpByBackpressureLongerThanMaxStoreWaitIsAnsweredFailedAndLeavesNoInterruptBehind() {
        AvroSourceHandler handler = handler(Map.of("max-store-wait", "50ms"));
        CountDownLatch never = new CountDownLatch(1);
        context.blockUntil(never);

        assertThat(handler.append(event("a", Map.of()))).isEqualTo(Status.FAILED);

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(context.stored).isEmpty();
        assertThat(base.testMetrics().counter("calls_timed_out_in_backpressure").count()).isEqualTo(1);
        context.blockUntil(null);
        assertThat(handler.append(event("b", Map.of()))).isEqualTo(Status.OK);
        assertThat(context.stored).extracting(Record::payloadAsString).containsExactly("b");
    }
}
