package io.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark in a tiny configuration: every mode computes what the reference loop computes. Never timed. */
class BenchMainTest {
    private static final Path PLUGINS = Path.of(System.getProperty("sluice.bench.plugins", "target/plugins"));

    @Test
    void everyModePassesItsCheckOnASmallRun() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchOptions options = new BenchOptions(20_000, 10, 2, BenchOptions.ALL_MODES, 1, PLUGINS);

        boolean passed = BenchMain.run(options, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("RESULT mode=baseline events=20000 ", "RESULT mode=sluice-java events=20000 ",
                "RESULT mode=sluice-yaml events=20000 ");
        assertThat(output.lines().filter(l -> l.startsWith("RESULT")))
                .hasSize(3)
                .allSatisfy(line -> assertThat(line).contains("check=PASS"));
        assertThat(passed).isTrue();
    }

    @Test
    void theCheckCatchesAWrongOccupancy() {
        Outcome expected = Reference.compute(20_000, 10);
        java.util.Map<String, Long> wrong = new java.util.HashMap<>(expected.occupancy());
        wrong.merge("bus-0042", 1L, Long::sum);
        Outcome off = new Outcome(1, 1, wrong, expected.alertsPerBatch(), expected.lineWindow(), "test");

        assertThat(Reference.mismatch(expected, expected, 20_000)).isNull();
        assertThat(Reference.mismatch(expected, off, 20_000)).contains("final occupancies differ");
    }

    @Test
    void theReferenceMatchesTheFiguresOfTheWorkload() {
        Outcome firstMillion = Reference.compute(1_000_000, 1);

        assertThat(firstMillion.occupancy().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1742);
        assertThat(firstMillion.alertsPerBatch()).isEqualTo(List.of(160L));
        assertThat(new String(Workload.json(2042), StandardCharsets.UTF_8)).isEqualTo(
                "{\"bus\":\"bus-0042\",\"line\":\"L42\",\"stop\":1,\"ts\":1732390002042,\"boarded\":2,\"alighted\":0,\"capacity\":60}");
    }
}
