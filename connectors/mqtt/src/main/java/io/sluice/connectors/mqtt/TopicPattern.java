package io.sluice.connectors.mqtt;

import io.sluice.spi.config.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps topic levels to record fields: with {@code buses/{bus}/events}, the topic {@code buses/7/events}
 * gives the field {@code bus = "7"}. Levels written literally must match; {@code +} matches any one level
 * without naming it, and a last level {@code #} matches the rest. A topic that does not match gives no
 * fields (it still becomes a record).
 *
 * <pre>{@code
 * TopicPattern.parse("fleet/{depot}/buses/{bus}/#").fields("fleet/north/buses/7/doors/2")
 * // {depot=north, bus=7}
 * }</pre>
 */
final class TopicPattern {
    private final String text;
    private final List<String> levels;
    private final boolean multiLevelTail;

    private TopicPattern(String text, List<String> levels, boolean multiLevelTail) {
        this.text = text;
        this.levels = levels;
        this.multiLevelTail = multiLevelTail;
    }

    /**
     * @throws ConfigException if a level mixes a {@code {field}} with other text, a field is named twice, or
     *                         {@code #} is not the last level
     */
    static TopicPattern parse(String pattern) {
        String[] parts = pattern.split("/", -1);
        List<String> levels = new ArrayList<>();
        List<String> names = new ArrayList<>();
        boolean tail = false;
        for (int i = 0; i < parts.length; i++) {
            String level = parts[i];
            if (level.equals("#")) {
                if (i != parts.length - 1) {
                    throw new ConfigException("topic pattern '" + pattern + "': '#' must be the last level");
                }
                tail = true;
                continue;
            }
            if (level.contains("{") || level.contains("}")) {
                if (!level.matches("\\{[A-Za-z_][A-Za-z0-9_-]*}")) {
                    throw new ConfigException("topic pattern '" + pattern + "': level '" + level
                            + "' must be a whole {field} (letters, digits, _ or -)");
                }
                String name = level.substring(1, level.length() - 1);
                if (names.contains(name)) {
                    throw new ConfigException("topic pattern '" + pattern + "': field '" + name + "' appears twice");
                }
                names.add(name);
            }
            levels.add(level);
        }
        return new TopicPattern(pattern, List.copyOf(levels), tail);
    }

    /** The fields {@code topic} gives, in pattern order; empty if the topic does not match. */
    Map<String, Object> fields(String topic) {
        String[] parts = topic.split("/", -1);
        if (parts.length < levels.size() || (!multiLevelTail && parts.length != levels.size())) {
            return Map.of();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            String level = levels.get(i);
            if (level.startsWith("{")) {
                fields.put(level.substring(1, level.length() - 1), parts[i]);
            } else if (!level.equals("+") && !level.equals(parts[i])) {
                return Map.of();
            }
        }
        return fields;
    }

    @Override
    public String toString() {
        return text;
    }
}
