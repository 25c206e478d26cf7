package io.sluice.platform.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.platform.engine.HashPartitioner;
import io.sluice.spi.BadRecordException;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.Emitter;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.operator.Operator;
import io.sluice.spi.operator.OperatorContext;
import io.sluice.spi.operator.OperatorFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecordOperatorsTest {
    static final ConfigKey<Long> RESET_AT = ConfigKey.longValue("reset-at")
            .description("Count at which a key's count starts again.").defaultValue(3L).build();
    static final ConfigSpec SPEC = ConfigSpec.of(RESET_AT);

    /** Counts each key's records across batches in keyed state; a key's count restarts after reset-at. */
    static final class RunningCount implements Operator {
        final List<ComponentContext> opened = new CopyOnWriteArrayList<>();
        final AtomicInteger endOfPartition = new AtomicInteger();
        final List<Throwable> stateInEndOfPartition = new CopyOnWriteArrayList<>();
        final AtomicInteger closed = new AtomicInteger();
        private long resetAt;

        @Override
        public void open(ComponentContext context) {
            opened.add(context);
            resetAt = context.config().get(RESET_AT);
        }

        @Override
        public void process(Record record, OperatorContext ctx, Emitter out) {
            Record state = ctx.state().get();
            long count = state == null ? 1 : state.getLong("count") + 1;
            if (count >= resetAt) {
                ctx.state().clear();
            } else {
                ctx.state().set(Record.builder().field("count", count).build());
            }
            out.emit(Record.builder().key(record.key()).field("user", record.get("user")).field("count", count)
                    .field("partition", (long) ctx.partition()).field("batch", ctx.batch().id()).build());
        }

        @Override
        public void endOfPartition(OperatorContext ctx, Emitter out) {
            endOfPartition.incrementAndGet();
            try {
                ctx.state();
            } catch (IllegalStateException e) {
                stateInEndOfPartition.add(e);
            }
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }

    static final class RunningCountFactory implements OperatorFactory {
        final RunningCount operator = new RunningCount();

        @Override
        public String type() {
            return "running-count";
        }

        @Override
        public String description() {
            return "Counts records per key.";
        }

        @Override
        public ConfigSpec configSpec() {
            return SPEC;
        }

        @Override
        public Operator create(Config config) {
            return operator;
        }

        @Override
        public boolean keyed() {
            return true;
        }
    }

    private static List<List<Record>> userBatches() {
        List<List<Record>> batches = new ArrayList<>();
        int[] sizes = {9, 0, 14, 5};
        int n = 0;
        for (int size : sizes) {
            List<Record> batch = new ArrayList<>();
            for (int i = 0; i < size; i++, n++) {
                batch.add(Record.builder().field("user", "u" + (n * 7 % 5)).field("n", (long) n).build());
            }
            batches.add(batch);
        }
        return batches;
    }

    @Test
    void aKeyedOperatorSeesEachKeysStateAcrossBatchesInItsShufflePartition() {
        List<List<Record>> batches = userBatches();
        RunningCountFactory factory = new RunningCountFactory();
        Config config = Config.builder(SPEC).set(RESET_AT, 4L).build();
        List<Map<String, List<Long>>> out = new CopyOnWriteArrayList<>();
        List<Record> emitted = new CopyOnWriteArrayList<>();
        try (TestPipeline p = new TestPipeline(2, 3)) {
            RecordStream.of(p.ctx.queueStream("users", new ConcurrentLinkedQueue<>(batches)))
                    .keyByField("user")
                    .apply("count", factory, config)
                    .foreachBatch((batch, records) -> {
                        emitted.addAll(records);
                        Map<String, List<Long>> perUser = new TreeMap<>();
                        records.forEach(r -> perUser.computeIfAbsent(r.getString("user"), u -> new ArrayList<>())
                                .add(r.getLong("count")));
                        out.add(perUser);
                    });
            p.ctx.start();
            p.runBatches(batches.size());

            assertThat(factory.operator.opened).singleElement().satisfies(ctx -> {
                assertThat(ctx.componentName()).isEqualTo("count");
                assertThat(ctx.pipelineName()).isEqualTo(p.ctx.name());
                assertThat(ctx.config()).isSameAs(config);
            });
            assertThat(factory.operator.endOfPartition).hasValue(batches.size() * 3);
            assertThat(factory.operator.stateInEndOfPartition).hasSize(batches.size() * 3);
        }
        assertThat(factory.operator.closed).hasValue(1);

        Map<String, Long> counts = new LinkedHashMap<>();
        List<Map<String, List<Long>>> expected = new ArrayList<>();
        for (List<Record> batch : batches) {
            Map<String, List<Long>> perUser = new TreeMap<>();
            for (Record r : batch) {
                String user = r.getString("user");
                long count = counts.getOrDefault(user, 0L) + 1;
                counts.put(user, count >= 4 ? 0L : count);
                perUser.computeIfAbsent(user, u -> new ArrayList<>()).add(count);
            }
            expected.add(perUser);
        }
        assertThat(out).isEqualTo(expected);
        for (Record r : emitted) {
            assertThat(r.getLong("partition")).isEqualTo(HashPartitioner.partition(r.getString("user"), 3));
        }
    }

    @Test
    void recordsWithoutKeyCannotReachAKeyedOperator() {
        try (TestPipeline p = new TestPipeline(1, 2)) {
            List<Record> out = new CopyOnWriteArrayList<>();
            List<List<Record>> batch = List.of(List.of(
                    Record.builder().key("u1").field("user", "u1").build(),
                    Record.builder().field("user", "nobody").position("in:2").build()));
            RecordStream.of(p.ctx.queueStream("users", new ConcurrentLinkedQueue<>(batch)))
                    .apply("count", new RunningCount(), true, Config.builder(SPEC).build())
                    .foreachBatch((b, records) -> out.addAll(records));
            p.ctx.start();
            p.nextBatch();

            assertThat(out).extracting(r -> r.get("user")).containsExactly("u1");
            assertThat(p.badRecords).singleElement().satisfies(bad -> {
                assertThat(bad.record().get("user")).isEqualTo("nobody");
                assertThat(bad.origin()).isEqualTo("in:2");
                assertThat(bad.cause()).hasMessageContaining("keyed operator 'count'").hasMessageContaining("key-by");
            });
        }
    }

    @Test
    void aStatelessOperatorRunsInPlaceAndItsBadRecordsAreReported() {
        List<Throwable> stateAccess = new CopyOnWriteArrayList<>();
        Operator upper = (record, ctx, out) -> {
            try {
                ctx.state();
            } catch (IllegalStateException e) {
                stateAccess.add(e);
            }
            String name = record.getString("name");
            if (name.isEmpty()) {
                throw new BadRecordException("empty name");
            }
            out.emit(record.toBuilder().field("name", name.toUpperCase()).build());
            out.emit(record.toBuilder().field("name", name).build());
        };
        try (TestPipeline p = new TestPipeline(2, 2)) {
            List<String> out = new CopyOnWriteArrayList<>();
            List<List<Record>> batch = List.of(List.of(Record.of(Map.of("name", "ada")), Record.of(Map.of("name", "")),
                    Record.of(Map.of("name", "bob"))));
            RecordStream.of(p.ctx.queueStream("names", new ConcurrentLinkedQueue<>(batch)))
                    .apply("upper", upper, false, Config.builder(ConfigSpec.empty()).build())
                    .foreachBatch((b, records) -> records.forEach(r -> out.add(r.getString("name"))));
            p.ctx.start();
            p.nextBatch();

            assertThat(out).containsExactly("ADA", "ada", "BOB", "bob");
            assertThat(p.badRecords).singleElement().satisfies(bad -> assertThat(bad.component()).isEqualTo("upper"));
            assertThat(stateAccess).hasSize(3).allSatisfy(e -> assertThat(e).hasMessageContaining("not keyed"));
        }
    }

    @Test
    void keyByFieldReportsRecordsWithoutTheField() {
        try (TestPipeline p = new TestPipeline(1, 1)) {
            List<Object> keys = new CopyOnWriteArrayList<>();
            List<List<Record>> batch = List.of(List.of(Record.of(Map.of("bus", "b1")), Record.of(Map.of("line", "L1"))));
            RecordStream.of(p.ctx.queueStream("events", new ConcurrentLinkedQueue<>(batch)))
                    .keyByField("bus")
                    .foreachBatch((b, records) -> records.forEach(r -> keys.add(r.key())));
            p.ctx.start();
            p.nextBatch();

            assertThat(keys).containsExactly("b1");
            assertThat(p.badRecords).singleElement()
                    .satisfies(bad -> assertThat(bad.cause()).hasMessageContaining("field 'bus'"));
        }
    }

    @Test
    void parsingNeedsAKnownFormat() {
        try (TestPipeline p = new TestPipeline(1, 1)) {
            RecordStream records = RecordStream.of(p.ctx.queueStream("raw", new ConcurrentLinkedQueue<List<Record>>()));
            assertThatThrownBy(() -> records.parse("json"))
                    .isInstanceOf(io.sluice.spi.config.ConfigException.class)
                    .hasMessageContaining("no record format named 'json'");
        }
    }

    @Test
    void parseDecodesPayloadsKeepingKeyAndPositionAndReportsUndecodableOnes() {
        List<List<Record>> lines = List.of(List.of(
                Record.builder().key("k1").payload("{\"bus\":\"b1\",\"n\":3}".getBytes()).position("f:1").build(),
                Record.builder().payload("{not json".getBytes()).position("f:2").build(),
                Record.of(Map.of("already", "fields")),
                Record.builder().payload("{\"bus\":\"b2\",\"n\":4}".getBytes()).timestamp(99).build()));
        try (TestPipeline p = new TestPipeline(b -> b.parallelism(2).shufflePartitions(2)
                .formats(JsonTestFormat.lookup()))) {
            List<Record> parsed = new CopyOnWriteArrayList<>();
            List<String> reformatted = new CopyOnWriteArrayList<>();
            RecordStream fields = RecordStream.of(p.ctx.queueStream("lines", new ConcurrentLinkedQueue<>(lines)))
                    .parse("json");
            fields.foreachBatch((b, records) -> parsed.addAll(records));
            fields.format("json").foreachBatch((b, records) -> records.forEach(r -> reformatted.add(r.payloadAsString())));
            p.ctx.start();
            p.nextBatch();

            assertThat(parsed).hasSize(2);
            assertThat(parsed.get(0).fields()).isEqualTo(Map.of("bus", "b1", "n", 3L));
            assertThat(parsed.get(0).key()).isEqualTo("k1");
            assertThat(parsed.get(0).position()).isEqualTo("f:1");
            assertThat(parsed.get(1).timestamp()).isEqualTo(99);
            assertThat(reformatted).containsExactly("{\"bus\":\"b1\",\"n\":3}", "{\"bus\":\"b2\",\"n\":4}");
            assertThat(p.badRecords).extracting(BadRecord::origin).containsExactlyInAnyOrder("f:2", null);
            assertThat(p.badRecords).extracting(bad -> bad.cause().getMessage())
                    .anyMatch(m -> m.startsWith("invalid JSON")).anyMatch(m -> m.contains("no payload"));
        }
    }
}
