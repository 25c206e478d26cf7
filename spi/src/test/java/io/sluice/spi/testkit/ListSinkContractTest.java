package io.sluice.spi.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.Record;
import io.sluice.spi.sink.Sink;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** A correct exactly-once sink passes {@link SinkContract}; each fault fails the rule it breaks. */
class ListSinkContractTest extends SinkContract {
    private final Map<Long, List<Record>> destination = new ConcurrentHashMap<>();

    @Override
    protected Sink createSink() {
        return new ListSink(destination, ListSink.Fault.NONE);
    }

    @Override
    protected ComponentContext context() {
        return TestComponentContext.builder().build();
    }

    @Override
    protected boolean exactlyOnce() {
        return true;
    }

    @Override
    protected List<Record> committedOutput() {
        return ListSink.visible(destination);
    }

    private static SinkContract contractFor(ListSink.Fault fault) {
        Map<Long, List<Record>> destination = new ConcurrentHashMap<>();
        return new SinkContract() {
            @Override
            protected Sink createSink() {
                return new ListSink(destination, fault);
            }

            @Override
            protected ComponentContext context() {
                return TestComponentContext.builder().build();
            }

            @Override
            protected boolean exactlyOnce() {
                return true;
            }

            @Override
            protected List<Record> committedOutput() {
                return ListSink.visible(destination);
            }
        };
    }

    @Test
    void aSinkThatShowsWritesBeforeCommitFails() {
        assertThatThrownBy(() -> contractFor(ListSink.Fault.VISIBLE_BEFORE_COMMIT).nothingOfABatchIsVisibleBeforeItsCommit())
                .isInstanceOf(AssertionError.class).hasMessageContaining("visible output");
    }

    @Test
    void aSinkThatAppendsARerunBatchAgainFails() {
        assertThatThrownBy(() -> contractFor(ListSink.Fault.APPENDS_ON_EVERY_COMMIT).aCommittedBatchWrittenAgainIsVisibleOnce())
                .isInstanceOf(AssertionError.class).hasMessageContaining("visible output");
    }
}
