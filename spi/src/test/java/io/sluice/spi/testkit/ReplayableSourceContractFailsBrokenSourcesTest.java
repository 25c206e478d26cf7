package io.sluice.spi.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.source.ReplayableSource;
import org.junit.jupiter.api.Test;

/** Each rule of {@link ReplayableSourceContract} fails a source that breaks it. */
class ReplayableSourceContractFailsBrokenSourcesTest {

    private static ReplayableSourceContract<CountingSource.Range> contractFor(CountingSource.Fault fault, boolean bounded) {
        return new ReplayableSourceContract<>() {
            @Override
            protected ReplayableSource<CountingSource.Range> source() {
                return new CountingSource(bounded ? 35 : Long.MAX_VALUE, fault);
            }

            @Override
            protected ComponentContext context() {
                return TestComponentContext.builder().build();
            }

            @Override
            protected boolean bounded() {
                return bounded;
            }

            @Override
            protected int maxBatchesUntilExhausted() {
                return 20;
            }
        };
    }

    @Test
    void readsThatDifferFail() {
        assertThatThrownBy(() -> contractFor(CountingSource.Fault.READS_DIFFER, true).readingEverySplitTwiceYieldsIdenticalRecords())
                .isInstanceOf(AssertionError.class).hasMessageContaining("second read of split");
    }

    @Test
    void aPlannerThatIgnoresRestoreFails() {
        assertThatThrownBy(() -> contractFor(CountingSource.Fault.IGNORES_RESTORE, false).aRestoredPlannerPlansWhatTheOriginalWouldPlanNext())
                .isInstanceOf(AssertionError.class).hasMessageContaining("splits of batch");
    }

    @Test
    void aCodecThatAcceptsAnyVersionFails() {
        assertThatThrownBy(() -> contractFor(CountingSource.Fault.ACCEPTS_ANY_VERSION, true).theCodecRejectsAnUnknownVersion())
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aBoundedSourceThatIsNeverExhaustedFails() {
        assertThatThrownBy(() -> contractFor(CountingSource.Fault.NEVER_EXHAUSTED, true).exhaustedOnlyWhenBounded())
                .isInstanceOf(AssertionError.class).hasMessageContaining("without the bounded source being exhausted");
    }

    @Test
    void anUnboundedSourceThatSaysItIsExhaustedFails() {
        ReplayableSourceContract<CountingSource.Range> claimsUnbounded = new ReplayableSourceContract<>() {
            @Override
            protected ReplayableSource<CountingSource.Range> source() {
                return new CountingSource(15, CountingSource.Fault.NONE);
            }

            @Override
            protected ComponentContext context() {
                return TestComponentContext.builder().build();
            }

            @Override
            protected boolean bounded() {
                return false;
            }
        };
        assertThatThrownBy(claimsUnbounded::exhaustedOnlyWhenBounded)
                .isInstanceOf(AssertionError.class).hasMessageContaining("an unbounded source exhausted");
    }
}
