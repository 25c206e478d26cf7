package io.sluice.platform.pipeline.internal;

import io.sluice.platform.pipeline.Location;
import java.util.List;
import java.util.Optional;

/** Reads the parts of a pipeline file that are structure rather than configuration. */
final class Sections {
    private final ProblemCollector problems;

    Sections(ProblemCollector problems) {
        this.problems = problems;
    }

    /**
     * A section of named definitions ({@code sources}, {@code streams}, {@code sinks}). A missing
     * or empty optional section is an empty mapping; a required one needs at least one entry.
     *
     * @param what singular noun for messages: "source"
     */
    Optional<YamlNode.Mapping> namedSection(YamlNode.Mapping root, String key, boolean required, String what) {
        Optional<YamlNode.Entry> entry = root.entry(key);
        if (entry.isEmpty()) {
            if (required) {
                problems.missing(root.location(), key, "required: a pipeline needs at least one " + what);
                return Optional.empty();
            }
            return Optional.of(new YamlNode.Mapping(root.location(), List.of()));
        }
        YamlNode value = entry.get().value();
        boolean empty = value instanceof YamlNode.Scalar s && s.isNull()
                || value instanceof YamlNode.Mapping m && m.entries().isEmpty();
        if (empty) {
            if (required) {
                problems.add(entry.get().keyLocation(), key, "must define at least one " + what);
                return Optional.empty();
            }
            return Optional.of(new YamlNode.Mapping(value.location(), List.of()));
        }
        if (value instanceof YamlNode.Mapping mapping) {
            return Optional.of(mapping);
        }
        problems.add(value.location(), key, "must be a mapping of " + what + " names to their definitions, got "
                + value.describe());
        return Optional.empty();
    }

    /** Whether a definition's name is valid; reports it if not. */
    boolean checkName(YamlNode.Entry entry, String path) {
        if (PipelineKeys.isValidName(entry.key())) {
            return true;
        }
        problems.add(entry.keyLocation(), path, "'" + entry.key() + "' is not a valid name: use "
                + PipelineKeys.NAME_RULE);
        return false;
    }

    /** A definition's body, which must be a mapping; reports it if not. */
    Optional<YamlNode.Mapping> body(YamlNode.Entry entry, String path, String expected) {
        if (entry.value() instanceof YamlNode.Mapping mapping) {
            return Optional.of(mapping);
        }
        problems.add(entry.value().location(), path, "must be a mapping with " + expected + ", got "
                + entry.value().describe());
        return Optional.empty();
    }

    /**
     * A required single-value entry such as {@code type} or {@code from}.
     *
     * @param holder   where the owning definition is written, for "required"
     * @param expected for messages: "a source type"
     */
    Optional<YamlNode.Scalar> nameValue(YamlNode.Mapping mapping, String key, String path, Location holder,
            String expected) {
        String keyPath = Paths.child(path, key);
        Optional<YamlNode.Entry> entry = mapping.entry(key);
        if (entry.isEmpty()) {
            problems.missing(holder, keyPath, "required");
            return Optional.empty();
        }
        YamlNode value = entry.get().value();
        if (value instanceof YamlNode.Scalar scalar && !scalar.isNull() && !scalar.text().isBlank()) {
            return Optional.of(scalar);
        }
        problems.add(value.location(), keyPath, "must be " + expected + ", got " + value.describe());
        return Optional.empty();
    }
}
