package io.sluice.platform.pipeline.internal;

import static io.sluice.platform.pipeline.internal.KeySchemas.NODES;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.sluice.platform.pipeline.Location;
import io.sluice.platform.pipeline.Problem;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates a pipeline tree against the generated JSON Schema (networknt, 2020-12) and reports
 * what the binder's own checks did not already report: a fault both see is reported once, the
 * binder's way (it names the fault more precisely). Errors are located through the same tree,
 * so they carry the line and column of the offending key or value.
 */
public final class SchemaCheck {
    /** Keywords whose error names a property of the instance rather than the instance itself. */
    private static final Set<String> PROPERTY_KEYWORDS = Set.of("required", "additionalProperties",
            "propertyNames", "unevaluatedProperties", "dependentRequired");

    private final Schema schema;

    public SchemaCheck(JsonNode schemaNode) {
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaNode);
    }

    public void check(YamlNode root, ProblemCollector problems) {
        List<Problem> found = new ArrayList<>();
        for (Error error : schema.validate(json(root))) {
            String path = path(error.getInstanceLocation());
            String property = PROPERTY_KEYWORDS.contains(error.getKeyword()) ? error.getProperty() : null;
            if (property != null) {
                path = Paths.child(path, property);
            }
            if (!problems.overlaps(path)) {
                found.add(new Problem(locate(root, error.getInstanceLocation(), property, error.getKeyword()), path,
                        error.getMessage()));
            }
        }
        // Alternatives (anyOf branches) fail together: keep the most general error of each place.
        found.sort(Comparator.comparingInt((Problem p) -> p.path().length()));
        List<Problem> kept = new ArrayList<>();
        for (Problem p : found) {
            if (kept.stream().noneMatch(k -> Paths.overlap(k.path(), p.path()))) {
                kept.add(p);
            }
        }
        kept.forEach(p -> problems.add(p.location(), p.path(), p.message()));
    }

    /** {@code sources.sensors.limit}, {@code streams.a.steps[0].filter} from a schema instance path. */
    static String path(NodePath instance) {
        String path = "";
        for (int i = 0; i < instance.getNameCount(); i++) {
            Object element = instance.getElement(i);
            path = element instanceof Integer index ? Paths.index(path, index) : Paths.child(path, String.valueOf(element));
        }
        return path;
    }

    /**
     * Where an error is written: the offending key for an unknown or badly named property, the
     * key holding the mapping for a missing one, else the value.
     */
    private static Location locate(YamlNode root, NodePath instance, String property, String keyword) {
        YamlNode node = root;
        Location holder = root.location();
        for (int i = 0; i < instance.getNameCount(); i++) {
            Object element = instance.getElement(i);
            if (node instanceof YamlNode.Mapping mapping) {
                YamlNode.Entry entry = mapping.entry(String.valueOf(element)).orElse(null);
                if (entry == null) {
                    return node.location();
                }
                holder = entry.keyLocation();
                node = entry.value();
            } else if (node instanceof YamlNode.Sequence sequence && element instanceof Integer index
                    && index < sequence.items().size()) {
                node = sequence.items().get(index);
                holder = node.location();
            } else {
                return node.location();
            }
        }
        if (property == null) {
            return node.location();
        }
        if ("required".equals(keyword) || "dependentRequired".equals(keyword)) {
            return holder;
        }
        if (node instanceof YamlNode.Mapping mapping) {
            return mapping.entry(property).map(YamlNode.Entry::keyLocation).orElse(node.location());
        }
        return node.location();
    }

    /** The tree as JSON, for the validator. */
    static JsonNode json(YamlNode node) {
        if (node instanceof YamlNode.Mapping mapping) {
            ObjectNode object = NODES.objectNode();
            mapping.entries().forEach(e -> object.set(e.key(), json(e.value())));
            return object;
        }
        if (node instanceof YamlNode.Sequence sequence) {
            ArrayNode array = NODES.arrayNode();
            sequence.items().forEach(i -> array.add(json(i)));
            return array;
        }
        Object value = ((YamlNode.Scalar) node).value();
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof BigInteger big) {
            return NODES.numberNode(big);
        }
        return KeySchemas.json(value);
    }
}
