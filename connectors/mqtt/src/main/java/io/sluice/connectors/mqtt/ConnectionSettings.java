package io.sluice.connectors.mqtt;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.config.Config;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.SocketFactory;

/**
 * How to reach and log in to a broker, read once from a component's configuration.
 *
 * @param socketFactory the TLS socket factory when a trust or key store is configured, else empty
 *                      (Paho then uses the JVM's defaults for ssl:// and wss://)
 */
record ConnectionSettings(List<String> servers, String clientId, Optional<String> username,
                          Optional<char[]> password, boolean mqtt5, Duration connectTimeout, Duration keepAlive,
                          Duration reconnectMaxDelay, Optional<SocketFactory> socketFactory, boolean verifyHostname) {

    static ConnectionSettings from(ComponentContext context) {
        Config config = context.config();
        String clientId = config.find(ConnectionKeys.CLIENT_ID)
                .orElseGet(() -> defaultClientId(context.pipelineName(), context.componentName()));
        return new ConnectionSettings(config.get(ConnectionKeys.SERVERS), clientId,
                config.find(ConnectionKeys.USERNAME), config.find(ConnectionKeys.PASSWORD).map(String::toCharArray),
                ConnectionKeys.MQTT_5.equals(config.get(ConnectionKeys.PROTOCOL)),
                config.get(ConnectionKeys.CONNECT_TIMEOUT), config.get(ConnectionKeys.KEEP_ALIVE),
                config.get(ConnectionKeys.RECONNECT_MAX_DELAY), TlsSockets.from(config),
                config.get(ConnectionKeys.VERIFY_HOSTNAME));
    }

    /** {@code sluice-PIPELINE-COMPONENT} with every character MQTT brokers may refuse replaced by {@code -}. */
    static String defaultClientId(String pipeline, String component) {
        String id = ("sluice-" + pipeline + "-" + component).replaceAll("[^A-Za-z0-9._-]", "-");
        return id.length() > 128 ? id.substring(0, 128) : id;
    }

    /** Seconds, at least one (MQTT's unit for timeouts and keep-alive). */
    static int seconds(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toSeconds()));
    }
}
