package io.sluice.platform.pipeline.internal;

import io.sluice.platform.pipeline.StepDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a bound step names other sources or streams ({@code union: [a, b]}, {@code join: {with: a}}),
 * as graph readers pointing at the names as written, so undefined names and cycles through steps
 * are reported at them.
 */
final class StepReferences {
    private StepReferences() {
    }

    /** The readers of {@code step}, bound from {@code item} ({@code - TYPE: VALUE}); none for most steps. */
    static List<GraphCheck.Reader> of(StepDefinition step, YamlNode item) {
        List<String> names = step.reads();
        if (names.isEmpty() || !(item instanceof YamlNode.Mapping mapping) || mapping.entries().size() != 1) {
            return List.of();
        }
        YamlNode.Entry entry = mapping.entries().get(0);
        String path = Paths.child(step.path(), entry.key());
        List<GraphCheck.Reader> out = new ArrayList<>();
        collect(entry.value(), path, names, out);
        return out;
    }

    private static void collect(YamlNode value, String path, List<String> names, List<GraphCheck.Reader> out) {
        if (value instanceof YamlNode.Scalar scalar && names.contains(scalar.text())) {
            out.add(new GraphCheck.Reader(path, scalar));
        } else if (value instanceof YamlNode.Sequence sequence) {
            for (int i = 0; i < sequence.items().size(); i++) {
                collect(sequence.items().get(i), Paths.index(path, i), names, out);
            }
        } else if (value instanceof YamlNode.Mapping mapping) {
            for (YamlNode.Entry e : mapping.entries()) {
                if (e.key().equals("with") || e.key().equals("streams")) {
                    collect(e.value(), Paths.child(path, e.key()), names, out);
                }
            }
        }
    }
}
