package io.sluice.platform.docs;

import io.sluice.platform.pipeline.BuiltinStep;

/** The reference section of one built-in (engine) step: what it does, its settings, and its example. */
public final class BuiltinStepDoc {
    private BuiltinStepDoc() {
    }

    public static String render(BuiltinStep step) {
        return "## step `" + step.type() + "` (built in)\n\n" + step.description() + "\n\n"
                + ConfigSpecTable.render(step.spec()) + "\nExample:\n\n```yaml\n" + step.example() + "\n```\n";
    }
}
