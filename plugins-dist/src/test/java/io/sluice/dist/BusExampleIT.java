package io.sluice.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's first command, as a user runs it: the bus example from the built distribution, as
 * a child process. It must end by itself (bounded generator), print a line per batch, occupancies
 * and alerts, and every occupancy it prints must equal WORKLOAD.md's reference for the events
 * processed up to that batch.
 */
class BusExampleIT {
    private static final Pattern BATCH_LINE = Pattern.compile("^batch (\\d+) time=\\S+ in=(\\d+) out=(\\d+) processing=\\d+ms delay=-?\\d+ms$");
    private static final Pattern CONSOLE_HEAD = Pattern.compile("^Time: \\d+ ms \\(batch (\\d+)\\).*$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path work;

    @Test
    void busExampleRunsFromTheDistributionAndMatchesTheReference() throws Exception {
        Distribution.Run run = Distribution.sluice(work, Map.of("SLUICE_CHECKPOINT_DIR", work.resolve("checkpoint").toString()),
                Duration.ofMinutes(2), "run", Distribution.HOME.resolve("examples/bus-occupancy.yaml").toString());

        assertThat(run.exitCode()).as("exit code; stderr:\n%s", run.err()).isZero();

        Map<Long, Long> eventsAfterBatch = new HashMap<>();
        Map<Long, List<JsonNode>> printedByBatch = new HashMap<>();
        long cumulative = 0;
        long currentBatch = -1;
        for (String line : run.out().split("\n")) {
            Matcher batch = BATCH_LINE.matcher(line);
            Matcher head = CONSOLE_HEAD.matcher(line);
            if (batch.matches()) {
                cumulative += Long.parseLong(batch.group(2));
                eventsAfterBatch.put(Long.parseLong(batch.group(1)), cumulative);
            } else if (head.matches()) {
                currentBatch = Long.parseLong(head.group(1));
            } else if (line.startsWith("{") && currentBatch > 0) {
                printedByBatch.computeIfAbsent(currentBatch, b -> new ArrayList<>()).add(JSON.readTree(line));
            }
        }

        assertThat(cumulative).as("all 200,000 events of the example were processed").isEqualTo(200_000);
        assertThat(eventsAfterBatch).hasSizeGreaterThanOrEqualTo(10);
        int checkedOccupancies = 0;
        int checkedAlerts = 0;
        for (Map.Entry<Long, List<JsonNode>> e : printedByBatch.entrySet()) {
            long[] reference = BusWorkload.occupancyAfter(eventsAfterBatch.get(e.getKey()), 2000);
            for (JsonNode record : e.getValue()) {
                int bus = Integer.parseInt(record.get("bus").asString().substring("bus-".length()));
                long occupancy = record.get("occupancy").asLong();
                assertThat(occupancy).as("occupancy of bus %d after batch %d", bus, e.getKey()).isEqualTo(reference[bus]);
                assertThat(record.get("capacity").asInt()).isEqualTo(BusWorkload.capacity(bus));
                checkedOccupancies++;
                if (occupancy >= BusWorkload.capacity(bus)) {
                    checkedAlerts++;
                }
            }
        }
        assertThat(checkedOccupancies).as("occupancies printed and checked").isGreaterThanOrEqualTo(50);
        assertThat(checkedAlerts).as("alerts printed (buses at or over capacity)").isPositive();
        assertThat(run.out()).contains("-------------------------------------------");
    }
}
