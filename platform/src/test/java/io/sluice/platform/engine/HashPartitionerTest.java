package io.sluice.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HashPartitionerTest {

    @Test
    void equalKeysGoToTheSamePartitionWithinRange() {
        Set<Integer> used = new HashSet<>();
        for (int i = -1000; i < 1000; i++) {
            String key = "bus-" + i;
            int p = HashPartitioner.partition(key, 7);
            assertThat(p).isBetween(0, 6).isEqualTo(HashPartitioner.partition(new String(key.toCharArray()), 7));
            assertThat(HashPartitioner.partition((long) i, 7)).isBetween(0, 6);
            used.add(p);
        }
        assertThat(used).hasSize(7);
        assertThat(HashPartitioner.partition(null, 7)).isZero();
    }

    @Test
    void partitionsAreStableAcrossRunsAndVersions() {
        // keyed state will be checkpointed per partition: these values must never change
        assertThat(HashPartitioner.partition("bus-0042", 4)).isEqualTo(1);
        assertThat(HashPartitioner.partition("bus-1999", 4)).isEqualTo(3);
        assertThat(HashPartitioner.partition("a", 7)).isEqualTo(6);
        assertThat(HashPartitioner.partition(1234567890123L, 4)).isEqualTo(3);
        assertThat(HashPartitioner.partition(Integer.MIN_VALUE, 3)).isBetween(0, 2);
    }
}
