package io.sluice.platform.stream;

import java.util.List;

/**
 * The values of one key from two streams in one batch, as {@link PairDStream#cogroup} yields them
 * (Spark's {@code (Iterable<V>, Iterable<W>)}); either list may be empty, not both.
 *
 * <pre>{@code
 * orders.cogroup(payments).foreachBatch((batch, groups) -> groups.forEach(g ->
 *         System.out.println(g.key() + ": " + g.value().left().size() + " orders, "
 *                 + g.value().right().size() + " payments")));
 * }</pre>
 *
 * @param left  the left stream's values of the key, in arrival order
 * @param right the right stream's values of the key, in arrival order
 * @param <V>   left value type
 * @param <W>   right value type
 */
public record CoGrouped<V, W>(List<V> left, List<W> right) {
    public CoGrouped {
        left = List.copyOf(left);
        right = List.copyOf(right);
    }

    @Override
    public String toString() {
        return "(" + left + "," + right + ")";
    }
}
