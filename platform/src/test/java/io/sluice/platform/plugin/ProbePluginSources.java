package io.sluice.platform.plugin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sources of the test plugins, compiled by {@link TestPlugins}. Package {@code test.probe} is a
 * plugin whose every method checks that the thread context class loader is the plugin's (and
 * throws if not); {@code test.echo} is a small source + operator; the other packages are one
 * factory each, used to build good and broken plugins.
 */
final class ProbePluginSources {
    private ProbePluginSources() {
    }

    static Map<String, String> all() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("test.probe.Tccl", """
                package test.probe;
                public final class Tccl {
                    public static void check(String where) {
                        if (Thread.currentThread().getContextClassLoader() != Tccl.class.getClassLoader()) {
                            throw new IllegalStateException("context class loader is not the plugin's in " + where);
                        }
                    }
                }
                """);
        sources.put("test.probe.ProbeSourceFactory", """
                package test.probe;
                import io.sluice.spi.*;
                import io.sluice.spi.Record;
                import io.sluice.spi.config.*;
                import io.sluice.spi.source.*;
                import java.nio.ByteBuffer;
                import java.util.List;
                @org.pf4j.Extension
                public final class ProbeSourceFactory implements SourceFactory {
                    public static final ConfigKey<Long> COUNT = ConfigKey.longValue("count")
                            .description("Records per split.").defaultValue(3L).build();
                    public String type() { Tccl.check("type"); return "probe-source"; }
                    public String description() { Tccl.check("description"); return "Numbered records."; }
                    public ConfigSpec configSpec() { Tccl.check("configSpec"); return ConfigSpec.of(COUNT); }
                    public Source create(Config config) {
                        Tccl.check("create");
                        long count = config.get(COUNT);
                        return new ReplayableSource<Long>() {
                            public SplitCodec<Long> splitCodec() {
                                Tccl.check("splitCodec");
                                return new SplitCodec<Long>() {
                                    public int version() { Tccl.check("version"); return 1; }
                                    public byte[] encode(Long s) { Tccl.check("encode"); return ByteBuffer.allocate(8).putLong(s).array(); }
                                    public Long decode(int v, byte[] b) { Tccl.check("decode"); return ByteBuffer.wrap(b).getLong(); }
                                };
                            }
                            public SplitPlanner<Long> createPlanner(ComponentContext c) {
                                Tccl.check("createPlanner");
                                return new SplitPlanner<Long>() {
                                    long next;
                                    public List<Long> plan(BatchInfo b, long max) { Tccl.check("plan"); return List.of(next++); }
                                    public byte[] position() { Tccl.check("position"); return ByteBuffer.allocate(8).putLong(next).array(); }
                                    public void restore(byte[] p) { Tccl.check("restore"); next = ByteBuffer.wrap(p).getLong(); }
                                    public void batchCompleted(BatchInfo b) { Tccl.check("batchCompleted"); }
                                    public boolean exhausted() { Tccl.check("exhausted"); return next >= 2; }
                                    public void close() { Tccl.check("planner.close"); }
                                };
                            }
                            public SplitReader<Long> createReader(ComponentContext c) {
                                Tccl.check("createReader");
                                return new SplitReader<Long>() {
                                    public void read(Long split, Emitter out) {
                                        Tccl.check("read");
                                        for (long i = 0; i < count; i++) {
                                            out.emit(Record.builder().field("split", split).field("n", i).build());
                                        }
                                    }
                                    public void close() { Tccl.check("reader.close"); }
                                };
                            }
                        };
                    }
                }
                """);
        sources.put("test.probe.ProbeReceiverFactory", """
                package test.probe;
                import io.sluice.spi.*;
                import io.sluice.spi.Record;
                import io.sluice.spi.config.*;
                import io.sluice.spi.source.*;
                import java.util.List;
                @org.pf4j.Extension
                public final class ProbeReceiverFactory implements SourceFactory {
                    public String type() { Tccl.check("type"); return "probe-receiver"; }
                    public String description() { Tccl.check("description"); return "Stores one record on start."; }
                    public ConfigSpec configSpec() { Tccl.check("configSpec"); return ConfigSpec.empty(); }
                    public Source create(Config config) {
                        Tccl.check("create");
                        return (ReceiverSource) context -> new Receiver() {
                            public void start(ReceiverContext ctx) {
                                Tccl.check("start");
                                try {
                                    ctx.store(List.of(Record.builder().field("received", true).build()));
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                    throw new IllegalStateException(e);
                                }
                            }
                            public void stop() { Tccl.check("stop"); }
                        };
                    }
                }
                """);
        sources.put("test.probe.ProbeSinkFactory", """
                package test.probe;
                import io.sluice.spi.*;
                import io.sluice.spi.Record;
                import io.sluice.spi.config.*;
                import io.sluice.spi.sink.*;
                import java.util.List;
                @org.pf4j.Extension
                public final class ProbeSinkFactory implements SinkFactory {
                    public String type() { Tccl.check("type"); return "probe-sink"; }
                    public String description() { Tccl.check("description"); return "Checks every call."; }
                    public ConfigSpec configSpec() { Tccl.check("configSpec"); return ConfigSpec.empty(); }
                    public Sink create(Config config) {
                        Tccl.check("create");
                        return new Sink() {
                            public void open(ComponentContext c) { Tccl.check("open"); }
                            public void write(BatchInfo b, int p, List<Record> r) { Tccl.check("write"); }
                            public void commit(BatchInfo b) { Tccl.check("commit"); }
                            public void close() { Tccl.check("close"); }
                        };
                    }
                }
                """);
        sources.put("test.probe.ProbeOperatorFactory", """
                package test.probe;
                import io.sluice.spi.*;
                import io.sluice.spi.Record;
                import io.sluice.spi.config.*;
                import io.sluice.spi.operator.*;
                @org.pf4j.Extension
                public final class ProbeOperatorFactory implements OperatorFactory {
                    public String type() { Tccl.check("type"); return "probe-op"; }
                    public String description() { Tccl.check("description"); return "Tags records with the library it sees."; }
                    public ConfigSpec configSpec() { Tccl.check("configSpec"); return ConfigSpec.empty(); }
                    public boolean keyed() { Tccl.check("keyed"); return false; }
                    public Operator create(Config config) {
                        Tccl.check("create");
                        return new Operator() {
                            public void open(ComponentContext c) { Tccl.check("open"); }
                            public void process(Record r, OperatorContext c, Emitter out) {
                                Tccl.check("process");
                                out.emit(r.toBuilder().field("library", io.sluice.platform.plugin.LibraryProbe.origin()).build());
                            }
                            public void endOfPartition(OperatorContext c, Emitter out) { Tccl.check("endOfPartition"); }
                            public void close() { Tccl.check("close"); }
                        };
                    }
                }
                """);
        sources.put("io.sluice.platform.plugin.LibraryProbe", """
                package io.sluice.platform.plugin;
                public final class LibraryProbe {
                    public static String origin() { return "plugin"; }
                }
                """);
        sources.put("test.echo.CounterSourceFactory", """
                package test.echo;
                import io.sluice.spi.*;
                import io.sluice.spi.Record;
                import io.sluice.spi.config.*;
                import io.sluice.spi.source.*;
                import java.nio.ByteBuffer;
                import java.util.List;
                @org.pf4j.Extension
                public final class CounterSourceFactory implements SourceFactory {
                    public String type() { return "counter"; }
                    public String description() { return "Counts."; }
                    public ConfigSpec configSpec() { return ConfigSpec.empty(); }
                    public Source create(Config config) {
                        return new ReplayableSource<Integer>() {
                            public SplitCodec<Integer> splitCodec() {
                                return new SplitCodec<Integer>() {
                                    public int version() { return 1; }
                                    public byte[] encode(Integer s) { return ByteBuffer.allocate(4).putInt(s).array(); }
                                    public Integer decode(int v, byte[] b) { return ByteBuffer.wrap(b).getInt(); }
                                };
                            }
                            public SplitPlanner<Integer> createPlanner(ComponentContext c) {
                                return new SplitPlanner<Integer>() {
                                    public List<Integer> plan(BatchInfo b, long max) { return List.of(2); }
                                    public byte[] position() { return new byte[0]; }
                                    public void restore(byte[] p) { }
                                };
                            }
                            public SplitReader<Integer> createReader(ComponentContext c) {
                                return (split, out) -> {
                                    for (int i = 0; i < split; i++) {
                                        out.emit(Record.builder().field("i", (long) i).build());
                                    }
                                };
                            }
                        };
                    }
                }
                """);
        sources.put("test.echo.EchoOperatorFactory", """
                package test.echo;
                import io.sluice.spi.config.*;
                import io.sluice.spi.operator.*;
                @org.pf4j.Extension
                public final class EchoOperatorFactory implements OperatorFactory {
                    public String type() { return "echo"; }
                    public String description() { return "Emits each record twice."; }
                    public ConfigSpec configSpec() { return ConfigSpec.empty(); }
                    public Operator create(Config config) {
                        return (record, context, out) -> { out.emit(record); out.emit(record); };
                    }
                }
                """);
        sources.put("test.other.Other", """
                package test.other;
                @org.pf4j.Extension
                public final class Other implements org.pf4j.ExtensionPoint {
                }
                """);
        sources.put("test.badtype.Factory", operator("test.badtype", "Bad_Type", ""));
        for (String name : new String[] {"deps", "good", "manifest", "missing", "spi", "requires", "ctor", "twin.a", "twin.b", "samename"}) {
            sources.put("test." + name + ".Factory", operator("test." + name, name.startsWith("twin") ? "twin" : name + "-op",
                    name.equals("ctor") ? "throw new IllegalStateException(\"no luck\");" : ""));
        }
        return sources;
    }

    static String operator(String packageName, String type, String constructorBody) {
        return """
                package %s;
                import io.sluice.spi.config.*;
                import io.sluice.spi.operator.*;
                @org.pf4j.Extension
                public final class Factory implements OperatorFactory {
                    public Factory() { %s }
                    public String type() { return "%s"; }
                    public String description() { return "Passes records through."; }
                    public ConfigSpec configSpec() { return ConfigSpec.empty(); }
                    public Operator create(Config config) { return (record, context, out) -> out.emit(record); }
                }
                """.formatted(packageName, constructorBody, type);
    }
}
