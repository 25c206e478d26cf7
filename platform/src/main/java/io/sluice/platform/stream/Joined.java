package io.sluice.platform.stream;

/**
 * One match of a join: a value from each side (Spark's {@code (V, W)}). Outer joins wrap the side
 * that may be missing in {@link java.util.Optional}: {@code Joined<V, Optional<W>>} for a left
 * outer join, and so on.
 *
 * <pre>{@code
 * PairDStream<String, Joined<Order, Optional<Payment>>> paid = orders.leftOuterJoin(payments);
 * paid.filter(kv -> kv.value().right().isEmpty()).print();   // orders without payment this batch
 * }</pre>
 *
 * @param left  the left stream's value
 * @param right the right stream's value
 * @param <L>   left type
 * @param <R>   right type
 */
public record Joined<L, R>(L left, R right) {
    public static <L, R> Joined<L, R> of(L left, R right) {
        return new Joined<>(left, right);
    }

    /** Spark's tuple form, {@code (left,right)}. */
    @Override
    public String toString() {
        return "(" + left + "," + right + ")";
    }
}
