package io.sluice.platform.compiler;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.sink.Sink;
import io.sluice.spi.sink.SinkFactory;
import io.sluice.spi.source.ReplayableSource;
import io.sluice.spi.source.Source;
import io.sluice.spi.source.SourceFactory;
import io.sluice.spi.source.SplitCodec;
import io.sluice.spi.source.SplitPlanner;
import io.sluice.spi.source.SplitReader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A source type {@code scripted} whose {@code data} key picks one of the given record scripts (batch
 * {@code n} reads script batch {@code n}, empty past the end), and a sink type {@code collect} that
 * keeps every batch's records by sink name, as sorted field maps.
 */
final class ScriptedComponents {
    static final ConfigKey<String> DATA = ConfigKey.string("data").description("Which script to play.").required().build();
    static final ConfigKey<String> NAME = ConfigKey.string("name").description("Where collected records go.").required().build();

    final Map<String, List<List<Record>>> scripts;
    /** sink name -> batch id -> records as sorted field maps, sorted. */
    final Map<String, Map<Long, List<String>>> collected = new ConcurrentHashMap<>();
    /** sink name -> the partitions written to it, over all batches. */
    final Map<String, java.util.Set<Integer>> partitions = new ConcurrentHashMap<>();

    ScriptedComponents(Map<String, List<List<Record>>> scripts) {
        this.scripts = scripts;
    }

    static String show(Record r) {
        return new TreeMap<>(r.fields()).toString();
    }

    /** Every batch of sink {@code name}, batches without any write absent. */
    Map<Long, List<String>> of(String name) {
        Map<Long, List<String>> batches = new TreeMap<>();
        collected.getOrDefault(name, Map.of()).forEach((id, records) -> batches.put(id,
                records.stream().sorted().toList()));
        return batches;
    }

    SourceFactory source() {
        return new SourceFactory() {
            @Override
            public String type() {
                return "scripted";
            }

            @Override
            public String description() {
                return "Plays a script of record batches.";
            }

            @Override
            public ConfigSpec configSpec() {
                return ConfigSpec.of(DATA);
            }

            @Override
            public Source create(Config config) {
                return new ScriptSource(scripts.get(config.get(DATA)));
            }
        };
    }

    SinkFactory sink() {
        return new SinkFactory() {
            @Override
            public String type() {
                return "collect";
            }

            @Override
            public String description() {
                return "Collects records per batch.";
            }

            @Override
            public ConfigSpec configSpec() {
                return ConfigSpec.of(NAME);
            }

            @Override
            public Sink create(Config config) {
                String name = config.get(NAME);
                return new Sink() {
                    @Override
                    public void open(ComponentContext context) {
                    }

                    @Override
                    public void write(BatchInfo batch, int partition, List<Record> records) {
                        List<String> shown = collected.computeIfAbsent(name, n -> new ConcurrentHashMap<>())
                                .computeIfAbsent(batch.id(), id -> java.util.Collections.synchronizedList(new ArrayList<>()));
                        records.forEach(r -> shown.add(show(r)));
                        partitions.computeIfAbsent(name, n -> ConcurrentHashMap.newKeySet()).add(partition);
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
    }

    /** Split = the script batch index. */
    private record ScriptSource(List<List<Record>> script) implements ReplayableSource<Integer> {
        @Override
        public SplitCodec<Integer> splitCodec() {
            return new SplitCodec<>() {
                @Override
                public int version() {
                    return 1;
                }

                @Override
                public byte[] encode(Integer split) {
                    return ByteBuffer.allocate(4).putInt(split).array();
                }

                @Override
                public Integer decode(int version, byte[] bytes) {
                    return ByteBuffer.wrap(bytes).getInt();
                }
            };
        }

        @Override
        public SplitPlanner<Integer> createPlanner(ComponentContext context) {
            return new SplitPlanner<>() {
                @Override
                public List<Integer> plan(BatchInfo batch, long maxRecords) {
                    return batch.id() <= script.size() ? List.of((int) batch.id() - 1) : List.of();
                }

                @Override
                public byte[] position() {
                    return new byte[0];
                }

                @Override
                public void restore(byte[] position) {
                }
            };
        }

        @Override
        public SplitReader<Integer> createReader(ComponentContext context) {
            return (split, out) -> script.get(split).forEach(out::emit);
        }
    }
}
