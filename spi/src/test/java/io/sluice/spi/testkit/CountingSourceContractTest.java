package io.sluice.spi.testkit;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.source.ReplayableSource;
import org.junit.jupiter.api.Nested;

/** A correct source passes the contract, bounded or not. */
class CountingSourceContractTest {

    @Nested
    class Bounded extends ReplayableSourceContract<CountingSource.Range> {
        @Override
        protected ReplayableSource<CountingSource.Range> source() {
            return new CountingSource(35, CountingSource.Fault.NONE);
        }

        @Override
        protected ComponentContext context() {
            return TestComponentContext.builder().build();
        }

        @Override
        protected boolean bounded() {
            return true;
        }
    }

    @Nested
    class Unbounded extends ReplayableSourceContract<CountingSource.Range> {
        @Override
        protected ReplayableSource<CountingSource.Range> source() {
            return new CountingSource(Long.MAX_VALUE, CountingSource.Fault.NONE);
        }

        @Override
        protected ComponentContext context() {
            return TestComponentContext.builder().build();
        }

        @Override
        protected boolean bounded() {
            return false;
        }
    }
}
