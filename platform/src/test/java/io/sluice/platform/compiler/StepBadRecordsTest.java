package io.sluice.platform.compiler;

import static io.sluice.platform.compiler.ScriptedRun.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.platform.stream.BadRecord;
import io.sluice.spi.Record;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A record flat-map or reduce cannot use is a bad record of that step, and the batch goes on with
 * the others. The reporting node is named after the step's kind ({@code reduce#7}), or after its
 * stream when it is the stream's last node ({@code streams.tags}).
 */
class StepBadRecordsTest {
    @Test
    void unusableRecordsAreReportedByTheirStepAndTheRestProcessed() throws Exception {
        Record good = Record.builder().field("tags", List.of("x", "y")).field("amount", 5L).build();
        Record noTags = Record.builder().field("amount", 7L).build();
        Record textTags = Record.builder().field("tags", "x,y,,z").field("amount", "lots").build();
        List<BadRecord> bad = new CopyOnWriteArrayList<>();

        ScriptedComponents out = ScriptedRun.run("bad-records.yaml",
                Map.of("events", List.of(List.of(good, noTags, textTags))), 2, bad);

        assertThat(out.of("tags").get(1L)).containsExactly(row("amount", 5L, "tag", "x", "tags", List.of("x", "y")),
                row("amount", 5L, "tag", "y", "tags", List.of("x", "y")));
        assertThat(out.of("words").get(1L)).containsExactly(row("amount", "lots", "tags", "x"),
                row("amount", "lots", "tags", "y"), row("amount", "lots", "tags", "z"));
        assertThat(out.of("totals").get(1L)).containsExactly(row("total", 12L));
        assertThat(out.of("window-totals").get(2L)).containsExactly(row("total", 12L));
        assertThat(bad).map(b -> b.component().replaceAll("#\\d+", "#") + " " + b.record().get("amount"))
                .containsExactlyInAnyOrder(
                        "streams.tags 7", "streams.tags lots",    // none, then a string without split
                        "streams.words 7", "streams.words 5",     // with split: none, then a list
                        "reduce# lots", "reduce# lots");    // sum of a string, in reduce and reduce-by-window
        assertThat(bad).allSatisfy(b -> assertThat(b.cause()).hasMessageContaining("'"));
    }
}
