package io.sluice.platform.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * What a command may use from its process: environment variables, the {@code sluice.home} system
 * property, and the two output streams. Injected so that tests run commands in-process.
 *
 * @param env        environment variables (for {@code ${VAR}} interpolation and {@code SLUICE_PLUGINS_DIR})
 * @param sluiceHome the distribution directory ({@code -Dsluice.home}), or {@code null} when embedded
 * @param out        results: batch lines, schema, descriptions
 * @param err        problems
 */
public record CliEnvironment(Map<String, String> env, String sluiceHome, PrintStream out, PrintStream err) {
    /** This process's environment, {@code System.out} and {@code System.err}. */
    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), System.getProperty("sluice.home"), System.out, System.err);
    }
}
