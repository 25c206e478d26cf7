package io.sluice.connectors.mqtt;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import io.sluice.spi.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A topic to publish to, with {@code {field}} placeholders filled from each record: {@code alerts/{bus}}
 * publishes a record with {@code bus = "bus-7"} to {@code alerts/bus-7}. A placeholder may also name the
 * record key as {@code {key}} when the record has no field {@code key}.
 */
final class TopicTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.-]*)}");

    private final List<String> literals;
    private final List<String> fields;

    private TopicTemplate(List<String> literals, List<String> fields) {
        this.literals = literals;
        this.fields = fields;
    }

    /**
     * @throws ConfigException if the template contains wildcards or unbalanced braces
     */
    static TopicTemplate parse(String template) {
        if (template.contains("+") || template.contains("#")) {
            throw new ConfigException("topic '" + template + "': a topic to publish to cannot contain + or #");
        }
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
            if (literal.contains("{") || literal.contains("}")) {
                throw new ConfigException("topic '" + template + "': placeholders are {field} (letters, digits, _ . -)");
            }
        }
        return new TopicTemplate(List.copyOf(literals), List.copyOf(fields));
    }

    /**
     * @throws BadRecordException if a placeholder's field is missing or its value would add a topic level
     *                            or a wildcard
     */
    String topicOf(Record record) {
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
            String text = value.toString();
            if (text.isEmpty() || text.contains("/") || text.contains("+") || text.contains("#")) {
                throw new BadRecordException("topic field '" + name + "' = '" + text
                        + "' cannot be a topic level (empty, or contains /, + or #)");
            }
            topic.append(text).append(literals.get(i + 1));
        }
        return topic.toString();
    }
}
