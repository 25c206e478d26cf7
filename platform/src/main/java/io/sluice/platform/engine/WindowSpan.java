package io.sluice.platform.engine;

import java.time.Duration;

/**
 * A window's length and slide in batches, converted from durations with Spark's rules: both must be
 * positive multiples of the batch interval and of the parent stream's slide.
 *
 * <pre>{@code
 * WindowSpan.of(Duration.ofSeconds(10), Duration.ofSeconds(2), parent);   // 10 batches, slide 2 at 1 s
 * WindowSpan.of(Duration.ofMillis(2500), Duration.ofSeconds(1), parent);  // IllegalArgumentException:
 * // window length 2500ms is not a multiple of the batch interval 1s
 * }</pre>
 *
 * @param lengthBatches batches a window covers
 * @param slideBatches  batches between two windows
 */
public record WindowSpan(int lengthBatches, int slideBatches) {
    public WindowSpan {
        if (lengthBatches < 1 || slideBatches < 1) {
            throw new IllegalArgumentException("window length and slide must be at least one batch: "
                    + lengthBatches + ", " + slideBatches);
        }
    }

    /**
     * @throws IllegalArgumentException naming the durations, if a duration is not positive or not a
     *                                  multiple of the batch interval or of the parent's slide
     */
    public static WindowSpan of(Duration length, Duration slide, Node<?> parent) {
        Duration interval = parent.graph().settings().batchInterval();
        int lengthBatches = batches("window length", length, interval, parent);
        int slideBatches = batches("slide", slide, interval, parent);
        return new WindowSpan(lengthBatches, slideBatches);
    }

    private static int batches(String what, Duration duration, Duration interval, Node<?> parent) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + duration);
        }
        long millis = duration.toMillis();
        long step = interval.toMillis();
        if (millis % step != 0 || !Duration.ofMillis(millis).equals(duration)) {
            throw new IllegalArgumentException(what + " " + format(duration) + " is not a multiple of the batch interval "
                    + format(interval));
        }
        long batches = millis / step;
        if (batches % parent.slideBatches() != 0) {
            throw new IllegalArgumentException(what + " " + format(duration) + " is not a multiple of the slide "
                    + parent.slideDuration() + " of the stream it windows (" + parent.name() + ")");
        }
        if (batches > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " " + format(duration) + " spans too many batches");
        }
        return (int) batches;
    }

    /** A duration as pipeline files write it: {@code 10s}, {@code 1500ms}, {@code 2m}, {@code 1h}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms != 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms != 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
