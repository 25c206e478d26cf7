package io.sluice.platform.pipeline;

import io.sluice.spi.config.ConfigException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A pipeline file is invalid. Carries every problem found, sorted by position; the message is
 * the problems' lines ({@code file:line:col: path: message}) joined by newlines, so printing
 * {@link #getMessage()} is what {@code sluice validate} shows.
 *
 * <pre>{@code
 * try {
 *     loader.load(file);
 * } catch (PipelineValidationException e) {
 *     e.problems().forEach(p -> System.err.println(p));
 *     return ExitCodes.INVALID;
 * }
 * }</pre>
 */
public class PipelineValidationException extends ConfigException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /**
     * @param problems at least one problem; they are sorted by position
     */
    public PipelineValidationException(List<Problem> problems) {
        super(render(problems));
        this.problems = problems.stream().sorted().toList();
    }

    /** Every problem, sorted by position in the file. */
    public List<Problem> problems() {
        return problems;
    }

    private static String render(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a validation exception needs at least one problem");
        }
        return problems.stream().sorted().map(Problem::toString).collect(Collectors.joining("\n"));
    }
}
