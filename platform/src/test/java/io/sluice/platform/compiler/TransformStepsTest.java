package io.sluice.platform.compiler;

import static io.sluice.platform.compiler.ScriptedRun.batch;
import static io.sluice.platform.compiler.ScriptedRun.every;
import static io.sluice.platform.compiler.ScriptedRun.window;
import static io.sluice.platform.compiler.ScriptedRun.withRows;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.platform.stream.BadRecord;
import io.sluice.spi.Record;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Batch-transform plugins used as steps from a pipeline file: {@code transform} over each batch,
 * {@code transformWith} over the same batch of two streams (also of two windows), each against a
 * plain computation; the transforms are opened with their step's name and closed at stop.
 */
class TransformStepsTest {
    private static final int BATCHES = 8;
    private static final int RUN = BATCHES + 3;

    private static List<List<Record>> script(long seed, int users) {
        Random random = new Random(seed);
        List<List<Record>> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            List<Record> batch = new ArrayList<>();
            for (int i = b == 2 ? 0 : random.nextInt(6); i > 0; i--) {
                batch.add(Record.builder().field("user", "u" + random.nextInt(users))
                        .field("amount", (long) random.nextInt(1000)).build());
            }
            batches.add(batch);
        }
        return batches;
    }

    private static List<String> shown(List<Record> records) {
        return records.stream().map(ScriptedComponents::show).toList();
    }

    private static List<String> unpaid(List<Record> events, List<Record> payments) {
        Set<Object> paid = payments.stream().map(r -> r.get("user")).collect(Collectors.toSet());
        return shown(events.stream().filter(r -> !paid.contains(r.get("user"))).toList());
    }

    @Test
    void transformAndTransformWithStepsMatchAPlainComputation() throws Exception {
        List<List<Record>> events = script(11, 5);
        List<List<Record>> payments = script(12, 5);
        TestTransforms transforms = new TestTransforms();
        List<BadRecord> bad = new CopyOnWriteArrayList<>();

        ScriptedComponents out = ScriptedRun.run("transforms.yaml", Map.of("events", events, "payments", payments),
                RUN, bad, transforms.topN(), transforms.subtractByKey());

        assertThat(bad).isEmpty();
        assertThat(withRows(out.of("leaders"))).isEqualTo(withRows(every(1, RUN, id -> shown(batch(events, id).stream()
                .sorted(Comparator.comparingLong((Record r) -> r.getLong("amount")).reversed()).limit(2).toList()))));
        assertThat(withRows(out.of("unpaid"))).isEqualTo(withRows(every(1, RUN,
                id -> unpaid(batch(events, id), batch(payments, id)))));
        assertThat(withRows(out.of("unpaid-recently"))).isEqualTo(withRows(every(1, RUN,
                id -> unpaid(window(events, id, 2), window(payments, id, 2)))));
        assertThat(out.of("unpaid").values()).anyMatch(rows -> !rows.isEmpty());
        assertThat(transforms.lifecycle).containsExactlyInAnyOrder("open streams.leaders.steps[0]",
                "open streams.unpaid.steps[0]", "open streams.unpaid-recently.steps[1]", "close", "close", "close");
    }
}
