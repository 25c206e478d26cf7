package io.sluice.platform.plugin.internal;

import io.sluice.platform.plugin.ComponentRegistry;
import io.sluice.platform.plugin.PluginProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a plugin that failed to load in the registry and logs it at WARN, so that no failure is
 * silent and none stops the other plugins. Messages already carry the cause's own messages; the
 * cause's stack trace is logged at DEBUG and kept in the {@link PluginProblem}.
 *
 * <pre>{@code
 * problems.report(zip.toString(), "requires Sluice >=0.2.0 but this is Sluice 0.1.0", null);
 * }</pre>
 */
public final class ProblemReporter {
    private static final Logger log = LoggerFactory.getLogger("io.sluice.platform.plugin.PluginHost");

    private final ComponentRegistry.Builder registry;

    public ProblemReporter(ComponentRegistry.Builder registry) {
        this.registry = registry;
    }

    public void report(String origin, String message, Throwable cause) {
        registry.problem(new PluginProblem(origin, message, cause));
        log.warn("{}: {}", origin, message);
        if (cause != null) {
            log.debug("{}: stack trace of the problem above", origin, cause);
        }
    }

    /** The distinct messages of an exception and its causes, joined by {@code ": "}. */
    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 5; t = t.getCause(), depth++) {
            String message = t.getMessage();
            if (message == null || message.isBlank()) {
                message = t.getClass().getName();
            }
            if (text.indexOf(message) >= 0) {
                continue;
            }
            if (text.length() > 0) {
                text.append(": ");
            }
            text.append(message);
        }
        return text.toString();
    }
}
