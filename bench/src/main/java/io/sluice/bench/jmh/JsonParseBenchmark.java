package io.sluice.bench.jmh;

import io.sluice.platform.format.JsonFormat;
import io.sluice.spi.Record;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** Decoding one workload line: the json format (what {@code parse: json} runs) against Jackson data binding (the baseline's). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JsonParseBenchmark {
    private final byte[][] lines = WorkloadLines.first(4096);
    private final JsonFormat json = new JsonFormat();
    private final ObjectReader dataBinding = JsonMapper.builder(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.threadLocalPool()).build()).build().readerFor(BaselineEvent.class);
    private int next;

    private byte[] nextLine() {
        next = (next + 1) & (lines.length - 1);
        return lines[next];
    }

    @Benchmark
    public Record sluiceJsonFormat() {
        return json.decode(nextLine());
    }

    @Benchmark
    public BaselineEvent jacksonDataBinding() {
        return dataBinding.readValue(nextLine());
    }

    /** Decode plus the two field reads the pipeline does next (what the map step's expressions need). */
    @Benchmark
    public long sluiceJsonFormatThenReadFields() {
        Record r = json.decode(nextLine());
        return r.getLong("boarded") - r.getLong("alighted");
    }
}
