package io.sluice.connectors.mqtt;

import io.sluice.spi.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One topic filter and the QoS to subscribe it with. A filter may use the wildcards {@code +} (one
 * level) and {@code #} (the rest, last level only), and may be an MQTT 5 shared subscription
 * {@code $share/GROUP/FILTER}: the broker hands each message of the group to one of its members.
 *
 * @param filter the topic filter as sent to the broker
 * @param qos    0, 1 or 2
 */
record Subscription(String filter, int qos) {

    /**
     * The subscriptions of a {@code topics} mapping (filter to QoS).
     *
     * @throws ConfigException naming the first filter or QoS that is not valid
     */
    static List<Subscription> parse(Map<String, String> topics) {
        if (topics.isEmpty()) {
            throw new ConfigException("must name at least one topic filter");
        }
        List<Subscription> out = new ArrayList<>(topics.size());
        for (Map.Entry<String, String> e : topics.entrySet()) {
            checkFilter(e.getKey());
            out.add(new Subscription(e.getKey(), Qos.parse(e.getValue())));
        }
        return List.copyOf(out);
    }

    boolean shared() {
        return filter.startsWith("$share/");
    }

    private static void checkFilter(String filter) {
        String plain = filter;
        if (filter.startsWith("$share/")) {
            String[] parts = filter.split("/", 3);
            if (parts.length < 3 || parts[1].isEmpty() || parts[1].contains("+") || parts[1].contains("#")) {
                throw new ConfigException("shared subscription '" + filter + "' must be $share/GROUP/FILTER");
            }
            plain = parts[2];
        }
        if (plain.isEmpty()) {
            throw new ConfigException("a topic filter must not be empty");
        }
        String[] levels = plain.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                throw new ConfigException("topic filter '" + filter + "': '#' must be a whole level and the last one");
            }
            if (level.contains("+") && !level.equals("+")) {
                throw new ConfigException("topic filter '" + filter + "': '+' must be a whole level");
            }
        }
    }
}
