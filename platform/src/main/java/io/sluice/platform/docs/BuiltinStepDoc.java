package io.sluice.platform.docs;

import io.sluice.platform.pipeline.BuiltinStep;

/** The reference section of one built-in (engine) step. */
public final class BuiltinStepDoc {
    private BuiltinStepDoc() {
    }

    public static String render(BuiltinStep step) {
        return "## step `" + step.type() + "` (built in)\n\n" + step.description() + "\n\n"
                + ConfigSpecTable.render(step.spec());
    }
}
