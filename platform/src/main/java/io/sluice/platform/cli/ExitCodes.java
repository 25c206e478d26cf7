package io.sluice.platform.cli;

/** The documented exit codes of {@code sluice}. */
public final class ExitCodes {
    /** Success; for {@code run}: the pipeline finished (bounded input) or stopped gracefully. */
    public static final int OK = 0;
    /** The pipeline file (or another input such as a component type) is invalid; every problem was printed. */
    public static final int INVALID = 1;
    /** Bad command-line usage (unknown option, missing argument). */
    public static final int USAGE = 2;
    /** The pipeline failed while running (a batch failed beyond its retries, a component could not start). */
    public static final int FAILED = 3;

    private ExitCodes() {
    }
}
