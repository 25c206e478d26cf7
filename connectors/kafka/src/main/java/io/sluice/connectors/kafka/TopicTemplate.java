package io.sluice.connectors.kafka;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import io.sluice.spi.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A topic to write to, with {@code {field}} placeholders filled from each record: {@code alerts-{line}} sends a
 * record with {@code line = "L42"} to {@code alerts-L42}. {@code {key}} is the record key when the record has
 * no field {@code key}.
 */
final class TopicTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.-]*)}");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    private final List<String> literals;
    private final List<String> fields;

    private TopicTemplate(List<String> literals, List<String> fields) {
        this.literals = literals;
        this.fields = fields;
    }

    /**
     * @throws ConfigException if the literal parts are not valid in a topic name or braces are unbalanced
     */
    static TopicTemplate parse(String template) {
        List<String> literals = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int from = 0;
        while (m.find()) {
            literals.add(template.substring(from, m.start()));
            fields.add(m.group(1));
            from = m.end();
        }
        literals.add(template.substring(from));
        for (String literal : literals) {
            if (!literal.isEmpty() && !TOPIC.matcher(literal).matches()) {
                throw new ConfigException("topic '" + template + "': topic names are letters, digits, '.', '_' and '-'; "
                        + "placeholders are {field}");
            }
        }
        return new TopicTemplate(List.copyOf(literals), List.copyOf(fields));
    }

    /** The topic when the template has no placeholders; empty otherwise. */
    java.util.Optional<String> fixed() {
        return fields.isEmpty() ? java.util.Optional.of(literals.get(0)) : java.util.Optional.empty();
    }

    /**
     * @throws BadRecordException if a placeholder's field is missing or the topic name would be invalid
     */
    String topicOf(Record record) {
        if (fields.isEmpty()) {
            return literals.get(0);
        }
        StringBuilder topic = new StringBuilder(literals.get(0));
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i);
            Object value = record.get(name);
            if (value == null && name.equals("key")) {
                value = record.key();
            }
            if (value == null) {
                throw new BadRecordException("topic field '" + name + "' is missing (fields: " + record.fields().keySet() + ")");
            }
            topic.append(value).append(literals.get(i + 1));
        }
        String result = topic.toString();
        if (!TOPIC.matcher(result).matches()) {
            throw new BadRecordException("'" + result + "' is not a valid topic name (letters, digits, '.', '_', '-', at most 249)");
        }
        return result;
    }
}
