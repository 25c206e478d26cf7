package io.sluice.platform.pipeline.internal;

import io.sluice.platform.engine.WindowSpan;
import io.sluice.platform.pipeline.BuiltinStep;
import io.sluice.platform.pipeline.BuiltinStepDefinition;
import io.sluice.platform.pipeline.PipelineDefinition;
import io.sluice.platform.pipeline.StepDefinition;
import io.sluice.platform.pipeline.StreamDefinition;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows how often each stream has a result (its slide: the batch interval, or a window's) through
 * the pipeline, as the engine will, and reports what the engine would refuse: a window over a
 * windowed stream whose length or slide is not a multiple of that stream's slide, and a union or
 * join of streams that slide differently. Runs on a pipeline already free of other problems; each
 * stream is checked once, and a stream with a problem is not checked further downstream.
 */
final class SlideCheck {
    private final ProblemCollector problems;
    private final Duration interval;
    /** Stream or source name to slide in batches; absent after a problem. */
    private final Map<String, Long> slides = new HashMap<>();

    private SlideCheck(ProblemCollector problems, Duration interval) {
        this.problems = problems;
        this.interval = interval;
    }

    static void check(PipelineDefinition pipeline, ProblemCollector problems) {
        SlideCheck check = new SlideCheck(problems, pipeline.batchInterval());
        pipeline.sources().keySet().forEach(source -> check.slides.put(source, 1L));
        for (StreamDefinition stream : pipeline.streamsInTopologicalOrder()) {
            check.stream(stream);
        }
    }

    private void stream(StreamDefinition stream) {
        Long slide = slides.get(stream.from());
        if (slide == null) {
            return;
        }
        for (StepDefinition step : stream.steps()) {
            slide = step instanceof BuiltinStepDefinition builtin ? step(builtin, slide) : combined(step, slide);
            if (slide == null) {
                return;
            }
        }
        slides.put(stream.name(), slide);
    }

    /** The slide after {@code step}, or {@code null} after reporting a problem. */
    private Long step(BuiltinStepDefinition step, long slide) {
        String path = Paths.child(step.path(), step.type());
        if (step.step().windowed()) {
            long length = batches(step.config().get(BuiltinStep.LENGTH));
            long next = step.config().find(BuiltinStep.SLIDE).map(this::batches).orElse(slide);
            String what = length % slide != 0 ? "window length " + format(length)
                    : next % slide != 0 ? "slide " + format(next) : null;
            if (what != null) {
                problems.add(step.location(), path, what + " is not a multiple of the slide " + format(slide)
                        + " of the stream it windows");
                return null;
            }
            return next;
        }
        return combined(step, slide);
    }

    /** The slide after a step that may combine streams ({@code union}, {@code join}, a transform's {@code with}), or {@code null} after a problem. */
    private Long combined(StepDefinition step, long slide) {
        String path = Paths.child(step.path(), step.type());
        List<String> others = step.reads();
        for (String other : others) {
            Long otherSlide = slides.get(other);
            if (otherSlide != null && otherSlide != slide) {
                problems.add(step.location(), path, step.type() + " combines streams that slide differently: this one "
                        + "every " + format(slide) + ", '" + other + "' every " + format(otherSlide)
                        + "; window them to the same slide first");
                return null;
            }
        }
        return slide;
    }

    private long batches(Duration duration) {
        return duration.toMillis() / interval.toMillis();
    }

    private String format(long batches) {
        return WindowSpan.format(interval.multipliedBy(batches));
    }
}
