package io.sluice.platform.durability.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.Record;
import io.sluice.spi.RecordSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RecordBlockCodecTest {
    private final RecordBlockCodec blocks = new RecordBlockCodec(ValueCodec.standard());

    /** The WORKLOAD.md event k, as the generator's parsed-fields form builds it. */
    static Record busEvent(long k) {
        int bus = (int) (k % 2000);
        return Record.builder()
                .field("bus", String.format("bus-%04d", bus)).field("line", String.format("L%02d", bus % 50))
                .field("stop", (k / 2000) % 40).field("ts", 1_732_390_000_000L + k)
                .field("boarded", k % 6).field("alighted", (k / 6) % 6).field("capacity", bus % 3 == 0 ? 60L : 80L)
                .timestamp(1_732_390_000_000L + k)
                .build();
    }

    static Record busPayload(long k) {
        String json = "{\"bus\":\"bus-" + String.format("%04d", k % 2000) + "\",\"line\":\"L42\",\"stop\":17,\"ts\":"
                + (1_732_390_000_000L + k) + ",\"boarded\":3,\"alighted\":1,\"capacity\":80}";
        return Record.builder().payload(json.getBytes(StandardCharsets.UTF_8)).timestamp(1_732_390_000_000L + k).build();
    }

    @Test
    void aBlockOfBusEventsRoundTripsInOrderSharingOneSchema() {
        List<Record> records = new ArrayList<>();
        for (long k = 0; k < 1000; k++) {
            records.add(busEvent(k));
        }

        byte[] block = blocks.encode(records);
        List<Record> decoded = blocks.decode(block);

        assertThat(decoded).isEqualTo(records);
        assertThat(decoded).allSatisfy(r -> assertThat(r.schema()).isSameAs(records.get(0).schema()));
        assertThat(block.length).as("field names are written once, not per record").isLessThan(1000 * 40);
    }

    @Test
    void payloadOnlyRecordsRoundTrip() {
        List<Record> records = new ArrayList<>();
        for (long k = 0; k < 500; k++) {
            records.add(busPayload(k));
        }

        assertThat(blocks.decode(blocks.encode(records))).isEqualTo(records);
    }

    @Test
    void mixedLayoutsKeysHeadersAndPositionsRoundTrip() {
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Record.Builder b = Record.builder().timestamp(i % 3 == 0 ? Long.MIN_VALUE + i : Long.MAX_VALUE - i);
            for (int f = 0; f <= i % 12; f++) {
                b.field("f" + (i % 5) + "-" + f, f % 2 == 0 ? (Object) ("v" + f) : (Object) List.of((long) f, Map.of("x", 0.5)));
            }
            if (i % 4 == 0) {
                b.key("k" + i).header("topic", "t").header("partition", String.valueOf(i)).position("t-0@" + i);
            }
            if (i % 7 == 0) {
                b.payload(new byte[] {(byte) i});
            }
            records.add(b.build());
        }
        records.add(Record.builder().build());

        List<Record> decoded = blocks.decode(blocks.encode(records));

        assertThat(decoded).isEqualTo(records);
        for (int i = 0; i < records.size(); i++) {
            assertThat(decoded.get(i).position()).isEqualTo(records.get(i).position());
            assertThat(decoded.get(i).headers()).containsExactlyEntriesOf(records.get(i).headers());
            assertThat(decoded.get(i).schema().names()).isEqualTo(records.get(i).schema().names());
        }
    }

    @Test
    void privateSchemasWithTheSameNamesAreEachWrittenCorrectly() {
        RecordSchema shared = RecordSchema.of("a", "b");
        Record one = Record.builder().fields(shared, new Object[] {1L, 2L}).build();
        Record other = Record.builder().field("b", 2L).field("a", 1L).build();

        List<Record> decoded = blocks.decode(blocks.encode(List.of(one, other, one)));

        assertThat(decoded).containsExactly(one, other, one);
        assertThat(decoded.get(1).schema().names()).containsExactly("b", "a");
    }

    @Test
    void aBlockIsDecodedInPlaceFromALargerBuffer() {
        List<Record> records = List.of(busEvent(7), busPayload(8));
        byte[] block = blocks.encode(records);
        byte[] segment = new byte[block.length + 10];
        System.arraycopy(block, 0, segment, 4, block.length);

        assertThat(blocks.decode(segment, 4, block.length)).isEqualTo(records);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> blocks.decode(segment, 4, block.length - 1))
                .isInstanceOf(CorruptDataException.class);
        segment[4] = 9;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> blocks.decode(segment, 4, block.length))
                .isInstanceOf(CorruptDataException.class).hasMessageContaining("format version 9").hasMessageContaining("at byte 0");
    }

    @Test
    void emptyBlocksAndAnyListRoundTrip() {
        assertThat(blocks.decode(blocks.encode(List.of()))).isEmpty();
        LinkedList<Record> linked = new LinkedList<>(List.of(busEvent(1), busPayload(2)));
        assertThat(blocks.decode(blocks.encode(linked))).isEqualTo(linked);
    }

    @Test
    void aRecordWithTheFieldsOfManyLayoutsFindsEachSchema() {
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            records.add(Record.builder().field("layout-" + (i % 37), (long) i).field("common", "c").build());
        }

        assertThat(blocks.decode(blocks.encode(records))).isEqualTo(records);
    }

    @Test
    void oneCodecEncodesOnManyThreadsAtOnce() throws Exception {
        List<List<Record>> inputs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            List<Record> records = new ArrayList<>();
            for (long k = 0; k < 200; k++) {
                records.add(t % 2 == 0 ? busEvent(t * 1000 + k) : busPayload(t * 1000 + k));
            }
            inputs.add(records);
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (List<Record> records : inputs) {
                results.add(threads.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        if (!blocks.decode(blocks.encode(records)).equals(records)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(1, TimeUnit.MINUTES)).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void registeredTypeCodecsApplyInsideBlocks() {
        TypeCodec<StringBuilder> builders = new TypeCodec<>() {
            public String id() {
                return "test.StringBuilder";
            }

            public int version() {
                return 1;
            }

            public void write(java.io.DataOutput out, StringBuilder value, ValueCodec values) throws java.io.IOException {
                values.write(out, value.toString());
            }

            public StringBuilder read(java.io.DataInput in, int version, ValueCodec values) throws java.io.IOException {
                return new StringBuilder((String) values.read(in));
            }
        };
        RecordBlockCodec custom = new RecordBlockCodec(ValueCodec.standard().with(StringBuilder.class, builders));
        Record record = Record.builder().key(new StringBuilder("key")).field("text", new StringBuilder("value")).build();

        Record decoded = custom.decode(custom.encode(List.of(record))).get(0);

        assertThat(decoded.key().toString()).isEqualTo("key");
        assertThat(decoded.get("text")).isInstanceOf(StringBuilder.class).hasToString("value");
    }
}
