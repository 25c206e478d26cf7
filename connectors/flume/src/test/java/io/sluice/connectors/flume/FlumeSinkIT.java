package io.sluice.connectors.flume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.platform.format.RecordFormats;
import io.sluice.spi.BatchInfo;
import io.sluice.spi.Record;
import io.sluice.spi.RetriableException;
import io.sluice.spi.config.Config;
import io.sluice.spi.testkit.TestComponentContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The flume sink sending to Flume avro sources (Avro's NettyServer with a recording protocol). */
class FlumeSinkIT {
    private static RecordingFlumeSource a;
    private static RecordingFlumeSource b;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final TestComponentContext context = TestComponentContext.builder().componentName("sinks.to-flume")
            .format(RecordFormats.standard().get("json")).build();

    @BeforeAll
    static void startFlumeSources() throws InterruptedException {
        a = new RecordingFlumeSource();
        b = new RecordingFlumeSource();
    }

    @AfterAll
    static void stopFlumeSources() {
        a.close();
        b.close();
    }

    @BeforeEach
    void forgetEarlierEvents() {
        a.events.clear();
        b.events.clear();
        a.failNext(0);
        b.failNext(0);
    }

    private FlumeSink sink(Map<String, Object> values) {
        return sink(values, context);
    }

    private FlumeSink sink(Map<String, Object> values, TestComponentContext openedWith) {
        Config.Builder builder = Config.builder(FlumeSinkFactory.SPEC);
        values.forEach(builder::setRaw);
        FlumeSink sink = new FlumeSink(new FlumeSinkSettings(builder.build()), RpcClients.fromSdk(), waits::add);
        sink.open(openedWith);
        return sink;
    }

    private static BatchInfo batch(long id) {
        return new BatchInfo(id, TestComponentContext.DEFAULT_TIME, Duration.ofSeconds(1));
    }

    private static List<Record> records(String prefix, int n) {
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(Record.builder().field("id", prefix + "-" + i).field("n", (long) i).build());
        }
        return records;
    }

    private static List<String> bodies(String prefix, int n) {
        return records(prefix, n).stream().map(r -> "{\"id\":\"" + r.get("id") + "\",\"n\":" + r.get("n") + "}").toList();
    }

    @Test
    void recordsBecomeEventsWithFormattedBodiesAndHeadersFromFieldsHeadersAndTimestamp() {
        try (FlumeSink sink = sink(Map.of("hosts", "127.0.0.1:" + a.port(), "header-fields", List.of("level", "n"),
                "batch-size", 2))) {
            Record record = Record.builder().field("msg", "disk full").field("level", "warn").field("n", 3L)
                    .header("origin", "sensor-1").timestamp(1732390000123L).build();
            sink.write(batch(1), 0, List.of(record, Record.of(Map.of("msg", "no level")), Record.of(Map.of("msg", "x"))));
            sink.commit(batch(1));
        }

        assertThat(a.events).hasSize(3);
        RecordingFlumeSource.Received first = a.events.get(0);
        assertThat(first.body()).isEqualTo("{\"msg\":\"disk full\",\"level\":\"warn\",\"n\":3}");
        assertThat(first.headers()).containsExactlyInAnyOrderEntriesOf(Map.of("origin", "sensor-1", "level", "warn",
                "n", "3", "timestamp", "1732390000123"));
        assertThat(a.events.get(1).headers()).isEmpty();
        assertThat(a.calls.get()).as("batch-size 2: two calls").isGreaterThanOrEqualTo(2);
    }

    @Test
    void theFailoverClientSkipsADeadHost() throws Exception {
        try (FlumeSink sink = sink(Map.of("hosts", List.of("127.0.0.1:" + FlumeSourceRpcClientsIT.deadPort(),
                "127.0.0.1:" + a.port()), "client-type", "failover"))) {
            sink.write(batch(1), 0, records("failover", 30));
        }
        assertThat(a.bodies()).containsExactlyElementsOf(bodies("failover", 30));
    }

    @Test
    void theLoadBalancingClientSpreadsOverAllHosts() {
        try (FlumeSink sink = sink(Map.of("hosts", List.of("127.0.0.1:" + a.port(), "127.0.0.1:" + b.port()),
                "client-type", "load-balance", "batch-size", 10))) {
            sink.write(batch(1), 0, records("balanced", 40));
        }
        assertThat(a.events).hasSize(20);
        assertThat(b.events).hasSize(20);
        List<String> all = new ArrayList<>(a.bodies());
        all.addAll(b.bodies());
        assertThat(all).containsExactlyInAnyOrderElementsOf(bodies("balanced", 40));
    }

    @Test
    void aRefusedCallIsSentAgainWithADoublingBackoff() {
        a.failNext(3);
        try (FlumeSink sink = sink(Map.of("hosts", "127.0.0.1:" + a.port(), "max-attempts", 5,
                "retry-backoff", "100ms", "max-retry-backoff", "300ms"))) {
            sink.write(batch(1), 0, records("retried", 10));
        }
        assertThat(a.bodies()).containsExactlyElementsOf(bodies("retried", 10));
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300));
    }

    @Test
    void afterMaxAttemptsThePartitionFailsRetriablyAndARunAgainDelivers() {
        a.failNext(2);
        try (FlumeSink sink = sink(Map.of("hosts", "127.0.0.1:" + a.port(), "max-attempts", 2))) {
            assertThatThrownBy(() -> sink.write(batch(1), 0, records("again", 5)))
                    .isInstanceOf(RetriableException.class).hasMessageContaining("in 2 attempts");
            assertThat(a.events).isEmpty();

            sink.write(batch(1), 0, records("again", 5));     // the engine runs the batch again
        }
        assertThat(a.bodies()).containsExactlyElementsOf(bodies("again", 5));
    }

    @Test
    void anUnreachableHostFailsRetriably() throws Exception {
        try (FlumeSink sink = sink(Map.of("hosts", "127.0.0.1:" + FlumeSourceRpcClientsIT.deadPort(), "max-attempts", 2,
                "connect-timeout", "5s"))) {
            assertThatThrownBy(() -> sink.write(batch(1), 0, records("nowhere", 1)))
                    .isInstanceOf(RetriableException.class);
        }
        assertThat(waits).hasSize(1);
    }

    @Test
    void recordsTheFormatCannotWriteAreReportedAndTheRestIsSent() {
        TestComponentContext textContext = TestComponentContext.builder()
                .format(RecordFormats.standard().get("text")).build();
        Record noText = Record.of(Map.of("other", 1L));
        try (FlumeSink sink = sink(Map.of("hosts", "127.0.0.1:" + a.port(), "format", "text"), textContext)) {
            sink.write(batch(1), 0, List.of(Record.of(Map.of("text", "fine")), noText));
        }
        assertThat(a.bodies()).containsExactly("fine");
        assertThat(textContext.collectedErrors().records()).extracting(e -> e.record()).containsExactly(noText);
    }
}
