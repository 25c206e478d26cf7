package io.sluice.platform.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    @Test
    void countsInsertionsDeletionsSubstitutionsAndSwaps() {
        assertThat(DidYouMean.distance("filter", "filter")).isZero();
        assertThat(DidYouMean.distance("filtr", "filter")).isEqualTo(1);
        assertThat(DidYouMean.distance("filterr", "filter")).isEqualTo(1);
        assertThat(DidYouMean.distance("fillter", "filter")).isEqualTo(1);
        assertThat(DidYouMean.distance("tpye", "type")).isEqualTo(1);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void suggestsOnlyCloseCandidates() {
        List<String> keys = List.of("events-per-batch", "buses", "limit");

        assertThat(DidYouMean.closest("evnts-per-batch", keys)).contains("events-per-batch");
        assertThat(DidYouMean.closest("BUSES", keys)).contains("buses");
        assertThat(DidYouMean.closest("colour", keys)).isEmpty();
        assertThat(DidYouMean.closest("x", List.of("y"))).as("one edit is always close enough").contains("y");
    }

    @Test
    void hintListsCandidatesWhenNoneIsClose() {
        assertThat(DidYouMean.hint("summ", List.of("sum", "count"), "functions")).isEqualTo(" (did you mean 'sum'?)");
        assertThat(DidYouMean.hint("avg", List.of("sum", "count"), "functions")).isEqualTo("; functions: sum, count");
        assertThat(DidYouMean.hint("avg", List.of(), "functions")).isEmpty();
    }
}
