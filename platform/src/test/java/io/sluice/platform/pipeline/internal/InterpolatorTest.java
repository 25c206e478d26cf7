package io.sluice.platform.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpolatorTest {
    private final Interpolator interpolator = new Interpolator(Map.of("DIR", "/data", "EMPTY", ""));

    @Test
    void replacesVariablesAndDefaults() {
        Interpolator.Result r = interpolator.interpolate("${DIR}/in-${N:10}-${DIR:/ignored}");

        assertThat(r.ok()).isTrue();
        assertThat(r.value()).isEqualTo("/data/in-10-/data");
    }

    @Test
    void aSetButEmptyVariableWinsOverTheDefault() {
        assertThat(interpolator.interpolate("[${EMPTY:x}]").value()).isEqualTo("[]");
        assertThat(interpolator.interpolate("[${UNSET:}]").value()).isEqualTo("[]");
    }

    @Test
    void aDefaultMayContainColons() {
        assertThat(interpolator.interpolate("${URL:http://localhost:9092}").value()).isEqualTo("http://localhost:9092");
    }

    @Test
    void doubleDollarEscapes() {
        assertThat(interpolator.interpolate("$${DIR} costs $5 and $$").value()).isEqualTo("${DIR} costs $5 and $$");
    }

    @Test
    void textWithoutReferencesIsUnchanged() {
        String text = "occupancy >= capacity";
        assertThat(interpolator.interpolate(text).value()).isSameAs(text);
    }

    @Test
    void reportsEachBadReferenceAtItsOffset() {
        Interpolator.Result r = interpolator.interpolate("a ${MISSING} b ${2BAD} c ${OPEN");

        assertThat(r.failures()).containsExactly(
                new Interpolator.Failure(2, "environment variable 'MISSING' is not set and has no default"
                        + " (write ${MISSING:default})"),
                new Interpolator.Failure(17, "'2BAD' is not a variable name (letters, digits and '_', not starting"
                        + " with a digit)"),
                new Interpolator.Failure(25, "unterminated '${' (write '$${' for a literal '${')"));
    }
}
