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
    private static final Pattern CONSOLE_HEAD = Pattern.compile("^Time: \\d+ ms \\(batch (\\d+)\\) sinks\\.(\\S+)$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path work;

    @Test
    void busExampleRunsFromTheDistributionAndMatchesTheReference() throws Exception {
        Distribution.Run run = Distribution.sluice(work, Map.of("SLUICE_CHECKPOINT_DIR", work.resolve("checkpoint").toString()),
                Duration.ofMinutes(2), "run", Distribution.HOME.resolve("examples/bus-occupancy.yaml").toString());

        assertThat(run.exitCode()).as("exit code; stderr:\n%s", run.err()).isZero();

        Map<Long, Long> eventsAfterBatch = new HashMap<>();
        Map<Long, List<JsonNode>> occupancies = new HashMap<>();
        Map<Long, List<JsonNode>> alerts = new HashMap<>();
        long cumulative = 0;
        long currentBatch = -1;
        Map<Long, List<JsonNode>> current = null;
        for (String line : run.out().split("\n")) {
            Matcher batch = BATCH_LINE.matcher(line);
            Matcher head = CONSOLE_HEAD.matcher(line);
            if (batch.matches()) {
                cumulative += Long.parseLong(batch.group(2));
                eventsAfterBatch.put(Long.parseLong(batch.group(1)), cumulative);
            } else if (head.matches()) {
                currentBatch = Long.parseLong(head.group(1));
                current = switch (head.group(2)) {
                    case "occupancy-console" -> occupancies;
                    case "alerts-console" -> alerts;
                    default -> throw new AssertionError("unexpected sink in: " + line);
                };
            } else if (line.startsWith("{")) {
                assertThat(current).as("a record printed under a console header: %s", line).isNotNull();
                current.computeIfAbsent(currentBatch, b -> new ArrayList<>()).add(JSON.readTree(line));
            }
        }

        assertThat(cumulative).as("all 200,000 events of the example were processed").isEqualTo(200_000);
        assertThat(eventsAfterBatch).hasSizeGreaterThanOrEqualTo(10);
        assertThat(checkAgainstReference(occupancies, eventsAfterBatch, false))
                .as("occupancies printed and checked").isGreaterThanOrEqualTo(50);
        assertThat(checkAgainstReference(alerts, eventsAfterBatch, true))
                .as("alerts printed and checked").isPositive();
        assertThat(run.out()).contains("-------------------------------------------");
    }

    /** Every printed record's occupancy and capacity equal the reference after its batch; returns how many were checked. */
    private static int checkAgainstReference(Map<Long, List<JsonNode>> printed, Map<Long, Long> eventsAfterBatch, boolean alerts) {
        int checked = 0;
        for (Map.Entry<Long, List<JsonNode>> e : printed.entrySet()) {
            long[] reference = BusWorkload.occupancyAfter(eventsAfterBatch.get(e.getKey()), 2000);
            for (JsonNode record : e.getValue()) {
                int bus = Integer.parseInt(record.get("bus").asString().substring("bus-".length()));
                long occupancy = record.get("occupancy").asLong();
                assertThat(occupancy).as("occupancy of bus %d after batch %d", bus, e.getKey()).isEqualTo(reference[bus]);
                assertThat(record.get("capacity").asInt()).isEqualTo(BusWorkload.capacity(bus));
                if (alerts) {
                    assertThat(occupancy).as("alert for bus %d", bus).isGreaterThanOrEqualTo(BusWorkload.capacity(bus));
                }
                checked++;
            }
        }
        return checked;
    }
}
