package io.sluice.platform.pipeline.internal;

import io.sluice.platform.pipeline.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads a pipeline file's YAML into a {@link YamlNode} tree from Jackson's token stream, keeping
 * the location of every key and value, interpolating {@code ${VAR}} in string values, and
 * reporting syntax errors, duplicate keys, aliases and extra documents to the collector.
 *
 * <p>An interpolated unquoted value is typed again as YAML would type the result
 * ({@code limit: ${LIMIT:100}} is the number 100); a quoted one stays text.
 */
public final class YamlTreeReader {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?");

    private final SourceText source;
    private final ProblemCollector problems;
    private final Interpolator interpolator;

    public YamlTreeReader(ProblemCollector problems, Interpolator interpolator) {
        this.source = problems.source();
        this.problems = problems;
        this.interpolator = interpolator;
    }

    /** The file's document; empty (with the problem reported) if it is empty or not valid YAML. */
    public Optional<YamlNode> read() {
        try (JsonParser p = YAML.createParser(source.text())) {
            if (p.nextToken() == null) {
                problems.add(source.start(), "", "the file is empty; a pipeline needs name, batch-interval, "
                        + "sources and sinks");
                return Optional.empty();
            }
            YamlNode root = value(p, "");
            if (p.nextToken() != null) {
                problems.add(location(p), "", "a pipeline file holds one YAML document; remove this one or "
                        + "move it to its own file");
            }
            return Optional.of(root);
        } catch (JacksonException e) {
            reportSyntaxError(e);
            return Optional.empty();
        }
    }

    private YamlNode value(JsonParser p, String path) {
        Location location = location(p);
        int offset = (int) p.currentTokenLocation().getCharOffset();
        if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            problems.add(location, path, "YAML aliases are not supported; write the value out");
            return new YamlNode.Scalar(location, null, -1);
        }
        JsonToken token = p.currentToken();
        return switch (token) {
            case START_OBJECT -> mapping(p, path, location);
            case START_ARRAY -> sequence(p, path, location);
            case VALUE_STRING -> string(p.getString(), path, location, offset);
            case VALUE_NUMBER_INT -> scalar(p.getNumberValue(), location, offset);
            case VALUE_NUMBER_FLOAT -> scalar(p.getDoubleValue(), location, offset);
            case VALUE_TRUE, VALUE_FALSE -> scalar(token == JsonToken.VALUE_TRUE, location, offset);
            case VALUE_NULL -> new YamlNode.Scalar(location, null, -1);
            default -> {
                problems.add(location, path, "unsupported YAML value (" + token + ")");
                yield new YamlNode.Scalar(location, null, -1);
            }
        };
    }

    private YamlNode mapping(JsonParser p, String path, Location location) {
        List<YamlNode.Entry> entries = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            Location keyLocation = location(p);
            p.nextToken();
            String childPath = Paths.child(path, key);
            YamlNode value = value(p, childPath);
            Location first = seen.putIfAbsent(key, keyLocation);
            if (first != null) {
                problems.add(keyLocation, childPath, "duplicate key '" + key + "' (first at line " + first.line() + ")");
            } else {
                entries.add(new YamlNode.Entry(key, keyLocation, value));
            }
        }
        return new YamlNode.Mapping(location, entries);
    }

    private YamlNode sequence(JsonParser p, String path, Location location) {
        List<YamlNode> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(p, Paths.index(path, items.size())));
        }
        return new YamlNode.Sequence(location, items);
    }

    private YamlNode string(String raw, String path, Location location, int offset) {
        char first = source.charAt(offset);
        boolean quoted = first == '"' || first == '\'';
        boolean plain = !quoted && first != '|' && first != '>';
        int rawOffset = quoted ? offset + 1 : offset;
        boolean literal = (quoted || plain) && source.hasAt(rawOffset, raw);
        Interpolator.Result result = interpolator.interpolate(raw);
        for (Interpolator.Failure failure : result.failures()) {
            Location at = literal ? source.locate(rawOffset + failure.offset()) : location;
            problems.add(at, path, failure.message());
        }
        if (!result.ok() || result.value().equals(raw)) {
            if (first == '|') {
                return literalBlock(raw, location, offset);
            }
            return new YamlNode.Scalar(location, raw, literal ? rawOffset : -1);
        }
        return new YamlNode.Scalar(location, plain ? typed(result.value()) : result.value(), -1);
    }

    /**
     * A literal block ({@code |}) keeps its lines verbatim, minus their indentation: when every
     * line of the value is found so in the file, offsets inside it can be located.
     */
    private YamlNode literalBlock(String value, Location location, int indicator) {
        int start = source.text().indexOf('\n', indicator) + 1;
        int indent = 0;
        while (source.charAt(start + indent) == ' ') {
            indent++;
        }
        int at = start;
        String[] lines = value.split("\n", -1);
        for (int i = 0; i < lines.length - (value.endsWith("\n") ? 1 : 0); i++) {
            boolean written = lines[i].isEmpty() ? source.charAt(at) == '\n' || source.charAt(at) == ' '
                    : source.hasAt(at + indent, lines[i]);
            int end = source.text().indexOf('\n', at);
            if (start == 0 || !written || end < 0 && i < lines.length - 1) {
                return new YamlNode.Scalar(location, value, -1);
            }
            at = end + 1;
        }
        return new YamlNode.Scalar(location, value, start + indent, indent);
    }

    private YamlNode scalar(Object value, Location location, int offset) {
        return new YamlNode.Scalar(location, value, source.hasAt(offset, String.valueOf(value)) ? offset : -1);
    }

    /** Types an interpolated unquoted value as YAML types a plain scalar: number, boolean or text. */
    static Object typed(String text) {
        if (INTEGER.matcher(text).matches()) {
            try {
                long v = Long.parseLong(text);
                if (v == (int) v) {
                    return (int) v;
                }
                return v;
            } catch (NumberFormatException e) {
                return text; // beyond 64 bits: leave it to the key's type to reject with a clear message
            }
        }
        if (FLOAT.matcher(text).matches()) {
            return Double.valueOf(text);
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        return text;
    }

    private Location location(JsonParser p) {
        TokenStreamLocation l = p.currentTokenLocation();
        return source.at(l.getLineNr(), l.getColumnNr());
    }

    private void reportSyntaxError(JacksonException e) {
        if (e.getCause() instanceof MarkedYamlEngineException yaml) {
            Optional<Mark> problemMark = yaml.getProblemMark();
            Optional<Mark> contextMark = yaml.getContextMark();
            Mark at = problemMark.or(() -> contextMark).orElse(null);
            String message = yaml.getProblem() == null ? yaml.getContext() : yaml.getProblem();
            if (yaml.getContext() != null && yaml.getProblem() != null) {
                message += " (" + yaml.getContext() + contextMark.filter(m -> !m.equals(at))
                        .map(m -> " started at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
                        .orElse("") + ")";
            }
            Location location = at == null ? source.start() : source.at(at.getLine() + 1, at.getColumn() + 1);
            problems.add(location, "", "invalid YAML: " + message);
            return;
        }
        TokenStreamLocation l = e.getLocation();
        Location location = l == null ? source.start() : source.at(l.getLineNr(), l.getColumnNr());
        problems.add(location, "", "invalid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
}
