package io.sluice.platform.engine;

import io.sluice.spi.BadRecordException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The lambda-driven narrow steps. A {@link BadRecordException} thrown by the user function for one
 * element sends that element to the error reporter and the partition goes on; any other exception
 * fails the batch.
 */
public final class Steps {
    private Steps() {
    }

    public static <I, O> NarrowStep<I, O> map(Function<? super I, ? extends O> function) {
        return (out, ctx) -> new Pipe<I>() {
            @Override
            public void accept(I element) {
                O result;
                try {
                    result = function.apply(element);
                } catch (BadRecordException e) {
                    ctx.reportBad(element, e);
                    return;
                }
                out.accept(result);
            }

            @Override
            public void end() {
                out.end();
            }
        };
    }

    public static <T> NarrowStep<T, T> filter(Predicate<? super T> predicate) {
        return (out, ctx) -> new Pipe<T>() {
            @Override
            public void accept(T element) {
                boolean keep;
                try {
                    keep = predicate.test(element);
                } catch (BadRecordException e) {
                    ctx.reportBad(element, e);
                    return;
                }
                if (keep) {
                    out.accept(element);
                }
            }

            @Override
            public void end() {
                out.end();
            }
        };
    }

    public static <I, O> NarrowStep<I, O> flatMap(Function<? super I, ? extends Iterable<? extends O>> function) {
        return (out, ctx) -> new Pipe<I>() {
            @Override
            public void accept(I element) {
                Iterable<? extends O> results;
                try {
                    results = function.apply(element);
                } catch (BadRecordException e) {
                    ctx.reportBad(element, e);
                    return;
                }
                for (O result : results) {
                    out.accept(result);
                }
            }

            @Override
            public void end() {
                out.end();
            }
        };
    }

    /**
     * Calls {@code function} once per partition with all of the partition's elements (the one
     * narrow step that buffers); an exception from it fails the batch.
     */
    public static <I, O> NarrowStep<I, O> mapPartitions(
            Function<? super List<I>, ? extends Iterable<? extends O>> function) {
        return (out, ctx) -> new Pipe<I>() {
            private final List<I> buffer = new ArrayList<>();

            @Override
            public void accept(I element) {
                buffer.add(element);
            }

            @Override
            public void end() {
                for (O result : function.apply(Collections.unmodifiableList(buffer))) {
                    out.accept(result);
                }
                out.end();
            }
        };
    }

    /** Emits, at the end of each partition, how many elements it had (one {@code Long} per partition). */
    public static <T> NarrowStep<T, Long> countPartition() {
        return (out, ctx) -> new Pipe<T>() {
            private long count;

            @Override
            public void accept(T element) {
                count++;
            }

            @Override
            public void end() {
                out.accept(count);
                out.end();
            }
        };
    }

    /** Emits, at the end of each non-empty partition, its elements combined in order with {@code reduce}. */
    public static <T> NarrowStep<T, T> reducePartition(java.util.function.BinaryOperator<T> reduce) {
        return (out, ctx) -> new Pipe<T>() {
            private T acc;
            private boolean any;

            @Override
            public void accept(T element) {
                acc = any ? reduce.apply(acc, element) : element;
                any = true;
            }

            @Override
            public void end() {
                if (any) {
                    out.accept(acc);
                }
                out.end();
            }
        };
    }
}
