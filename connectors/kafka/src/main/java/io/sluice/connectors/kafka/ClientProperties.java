package io.sluice.connectors.kafka;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Builds the properties of one Kafka client: the configured pass-through {@code properties}, then the
 * bootstrap servers and the settings the connector owns (which a pass-through entry may not change).
 */
final class ClientProperties {
    /** Properties that would break what the connector guarantees if a user changed them. */
    private static final Set<String> MANAGED = Set.of(
            "bootstrap.servers", "key.deserializer", "value.deserializer", "key.serializer", "value.serializer",
            "group.id", "enable.auto.commit", "isolation.level", "transactional.id", "enable.idempotence",
            "auto.offset.reset", "client.id");

    private ClientProperties() {
    }

    /**
     * @throws ConfigException naming a property the connector sets itself
     */
    static void checkPassThrough(Map<String, String> properties) {
        for (String name : properties.keySet()) {
            if (MANAGED.contains(name)) {
                throw new ConfigException("'" + name + "' is set by the connector (use the connector's own keys: "
                        + "bootstrap-servers, group-id, isolation-level, delivery, transactional-id-prefix, ...)");
            }
        }
    }

    /** The pass-through properties, the bootstrap servers and a client id, then {@code owned} on top. */
    static Map<String, Object> of(Config config, String clientId, Map<String, Object> owned) {
        Map<String, Object> props = new HashMap<>(config.get(ClientKeys.PROPERTIES) == null
                ? Map.of() : config.get(ClientKeys.PROPERTIES));
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, String.join(",", config.get(ClientKeys.BOOTSTRAP_SERVERS)));
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, config.get(ClientKeys.REQUEST_TIMEOUT).toMillis());
        props.putIfAbsent(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        props.putIfAbsent(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        props.putAll(owned);
        return props;
    }

    /** {@code sluice-PIPELINE-NAME}, NAME being the component's name without its section ({@code sources.}). */
    static String defaultId(String pipeline, String componentName) {
        int dot = componentName.indexOf('.');
        String name = dot >= 0 ? componentName.substring(dot + 1) : componentName;
        return ("sluice-" + pipeline + "-" + name).replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
