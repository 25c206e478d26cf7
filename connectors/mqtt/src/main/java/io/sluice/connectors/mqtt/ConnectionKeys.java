package io.sluice.connectors.mqtt;

import io.sluice.spi.config.ConfigException;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.Validators;
import java.time.Duration;
import java.util.List;

/**
 * The configuration keys the {@code mqtt} source and sink share: where the broker is, who we are, how
 * we prove it, and which protocol version we speak.
 */
final class ConnectionKeys {
    static final String MQTT_5 = "5";
    static final String MQTT_3_1_1 = "3.1.1";

    static final ConfigKey<List<String>> SERVERS = ConfigKey.stringList("servers")
            .description("Broker URIs, tried in order: tcp://host:1883, ssl://host:8883, ws://host:80/mqtt, "
                    + "wss://host:443/mqtt.")
            .example("[tcp://localhost:1883]")
            .required()
            .validate(Validators.described("tcp://, ssl://, ws:// or wss:// URIs", ConnectionKeys::checkServers))
            .build();
    static final ConfigKey<String> CLIENT_ID = ConfigKey.string("client-id")
            .description("The MQTT client identifier; a persistent session belongs to it, so it must be stable "
                    + "across restarts and unique per broker. Default: sluice-PIPELINE-COMPONENT.")
            .example("sluice-bus-occupancy")
            .validate(Validators.matches("[A-Za-z0-9._-]{1,128}", "1-128 letters, digits, '.', '_' or '-'"))
            .build();
    static final ConfigKey<String> USERNAME = ConfigKey.string("username")
            .description("User name for the broker.")
            .build();
    static final ConfigKey<String> PASSWORD = ConfigKey.string("password")
            .description("Password for the broker.")
            .secret()
            .build();
    static final ConfigKey<String> PROTOCOL = ConfigKey.oneOf("protocol-version", MQTT_5, MQTT_3_1_1)
            .description("MQTT 5 (Paho mqttv5 client) or 3.1.1 for brokers that speak only that (Paho mqttv3 "
                    + "client: no shared subscriptions, user properties, message expiry or content type).")
            .defaultValue(MQTT_5)
            .build();
    static final ConfigKey<Duration> CONNECT_TIMEOUT = ConfigKey.duration("connect-timeout")
            .description("How long to wait for the broker to accept a connection or subscription.")
            .defaultValue(Duration.ofSeconds(30))
            .validate(Validators.positive())
            .build();
    static final ConfigKey<Duration> KEEP_ALIVE = ConfigKey.duration("keep-alive")
            .description("MQTT keep-alive interval: a silent connection is checked with a ping this often.")
            .defaultValue(Duration.ofSeconds(30))
            .validate(Validators.positive())
            .build();
    static final ConfigKey<Duration> RECONNECT_MAX_DELAY = ConfigKey.duration("reconnect-max-delay")
            .description("Automatic reconnection waits 1 s, then doubles the wait up to this.")
            .defaultValue(Duration.ofSeconds(30))
            .validate(Validators.positive())
            .build();
    static final ConfigKey<String> TRUST_STORE = ConfigKey.string("tls-trust-store")
            .description("Trust store (PKCS12 or JKS file) with the certificates that sign the broker's; "
                    + "default: the JVM's trusted certificates.")
            .example("/etc/sluice/broker-ca.p12")
            .build();
    static final ConfigKey<String> TRUST_STORE_PASSWORD = ConfigKey.string("tls-trust-store-password")
            .description("Password of the trust store.")
            .secret()
            .build();
    static final ConfigKey<String> KEY_STORE = ConfigKey.string("tls-key-store")
            .description("Key store (PKCS12 or JKS file) with the client certificate and key, for brokers that "
                    + "authenticate clients by certificate.")
            .example("/etc/sluice/client.p12")
            .build();
    static final ConfigKey<String> KEY_STORE_PASSWORD = ConfigKey.string("tls-key-store-password")
            .description("Password of the key store and of its key.")
            .secret()
            .build();
    static final ConfigKey<Boolean> VERIFY_HOSTNAME = ConfigKey.bool("tls-verify-hostname")
            .description("Check that the broker's certificate names the host connected to.")
            .defaultValue(true)
            .build();

    static final ConfigKey<?>[] ALL = {SERVERS, CLIENT_ID, USERNAME, PASSWORD, PROTOCOL, CONNECT_TIMEOUT, KEEP_ALIVE,
        RECONNECT_MAX_DELAY, TRUST_STORE, TRUST_STORE_PASSWORD, KEY_STORE, KEY_STORE_PASSWORD, VERIFY_HOSTNAME};

    private ConnectionKeys() {
    }

    private static void checkServers(List<String> servers) {
        if (servers.isEmpty()) {
            throw new ConfigException("must name at least one broker URI");
        }
        for (String uri : servers) {
            if (!uri.matches("(tcp|ssl|ws|wss)://[^/:]+(:\\d+)?(/.*)?")) {
                throw new ConfigException("'" + uri + "' is not a broker URI (tcp://, ssl://, ws:// or wss://, "
                        + "host, optional :port and path)");
            }
        }
    }
}
