package io.sluice.connectors.mqtt;

import io.sluice.spi.config.ConfigException;

/** MQTT quality of service levels: 0 at most once, 1 at least once, 2 exactly once. */
final class Qos {
    private Qos() {
    }

    /**
     * @throws ConfigException if {@code text} is not 0, 1 or 2
     */
    static int parse(String text) {
        return switch (text.trim()) {
            case "0" -> 0;
            case "1" -> 1;
            case "2" -> 2;
            default -> throw new ConfigException("QoS must be 0, 1 or 2, got '" + text + "'");
        };
    }
}
