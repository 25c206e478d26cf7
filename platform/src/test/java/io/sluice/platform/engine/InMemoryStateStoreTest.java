package io.sluice.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryStateStoreTest {

    private static Map<String, Integer> contents(StateStore<String, Integer> store) {
        Map<String, Integer> map = new LinkedHashMap<>();
        store.forEach(map::put);
        return map;
    }

    @Test
    void stagedChangesAreInvisibleUntilCommitted() {
        StateStore<String, Integer> store = new InMemoryStateStore<>();
        StateUpdate<String, Integer> update = store.begin();
        update.put("a", 1);
        update.put("b", 2);

        assertThat(update.get("a")).isEqualTo(1);
        assertThat(store.get("a")).isNull();
        assertThat(store.size()).isZero();

        update.commit();
        assertThat(contents(store)).containsExactly(Map.entry("a", 1), Map.entry("b", 2));
    }

    @Test
    void anUncommittedUpdateLeavesTheStoreAsItWas() {
        StateStore<String, Integer> store = new InMemoryStateStore<>();
        StateUpdate<String, Integer> first = store.begin();
        first.put("a", 1);
        first.commit();

        StateUpdate<String, Integer> failedAttempt = store.begin();
        failedAttempt.put("a", 100);
        failedAttempt.remove("a");
        failedAttempt.put("z", 26);

        assertThat(failedAttempt.get("a")).isNull();
        assertThat(contents(store)).containsExactly(Map.entry("a", 1));
    }

    @Test
    void keysKeepTheirOrderAndARemovedKeyComesBackAtTheEnd() {
        StateStore<String, Integer> store = new InMemoryStateStore<>();
        StateUpdate<String, Integer> u1 = store.begin();
        u1.put("a", 1);
        u1.put("b", 2);
        u1.put("c", 3);
        u1.commit();
        StateUpdate<String, Integer> u2 = store.begin();
        u2.remove("a");
        u2.put("c", 30);
        u2.commit();
        StateUpdate<String, Integer> u3 = store.begin();
        u3.put("a", 10);
        u3.commit();

        assertThat(contents(store)).containsExactly(Map.entry("b", 2), Map.entry("c", 30), Map.entry("a", 10));
    }

    @Test
    void anUpdateCommitsOnceAndStateIsNeverNull() {
        StateUpdate<String, Integer> update = new InMemoryStateStore<String, Integer>().begin();
        assertThatThrownBy(() -> update.put("a", null)).isInstanceOf(NullPointerException.class);
        update.commit();
        assertThatThrownBy(update::commit).isInstanceOf(IllegalStateException.class);
    }
}
