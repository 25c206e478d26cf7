package io.sluice.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.Record;
import org.junit.jupiter.api.Test;

class TestOperatorContextTest {

    @Test
    void keepsStatePerKey() {
        TestOperatorContext ctx = TestOperatorContext.forBatch(3);
        ctx.forKey("a").state().set(Record.builder().field("n", 1L).build());
        ctx.forKey("b").state().set(Record.builder().field("n", 2L).build());
        ctx.forKey("a").state().clear();
        assertThat(ctx.stateOf("a")).isNull();
        assertThat(ctx.forKey("b").state().get().getLong("n")).isEqualTo(2);
        assertThat(ctx.batch().id()).isEqualTo(3);
    }

    @Test
    void stateWithoutAKeyIsAnError() {
        assertThatThrownBy(() -> TestOperatorContext.forBatch(1).state()).isInstanceOf(IllegalStateException.class);
    }
}
