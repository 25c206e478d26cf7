package io.sluice.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

    @Test
    void splitCutsContiguousNearEqualPartitionsIncludingEmptyOnes() {
        Dataset<Integer> d = Dataset.split(List.of(1, 2, 3, 4, 5), 3);
        assertThat(d.count()).isEqualTo(3);
        assertThat(List.of(d.partition(0), d.partition(1), d.partition(2)))
                .containsExactly(List.of(1), List.of(2, 3), List.of(4, 5));
        assertThat(d.elements()).containsExactly(1, 2, 3, 4, 5);
        assertThat(d.size()).isEqualTo(5);

        Dataset<Integer> sparse = Dataset.split(List.of(7), 3);
        assertThat(List.of(sparse.partition(0), sparse.partition(1), sparse.partition(2)))
                .containsExactly(List.of(), List.of(), List.of(7));
    }

    @Test
    void datasetsAreImmutable() {
        Dataset<Integer> d = Dataset.of(List.of(new java.util.ArrayList<>(List.of(1))));
        assertThatThrownBy(() -> d.partition(0).add(2)).isInstanceOf(UnsupportedOperationException.class);
    }
}
