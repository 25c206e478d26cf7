package io.sluice.connectors.kafka;

import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigException;
import io.sluice.spi.config.Validators;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The keys the source and the sink share: where the cluster is and the client properties passed through. */
final class ClientKeys {
    /** Entry names of {@link #PROPERTIES} that are masked wherever configuration is printed. */
    static final String[] SECRET_PROPERTY_FRAGMENTS = {"password", "secret", "jaas", "token", "sasl.jaas.config"};

    static final ConfigKey<List<String>> BOOTSTRAP_SERVERS = ConfigKey.stringList("bootstrap-servers")
            .description("The brokers to connect to first, host:port (the client discovers the rest of the cluster).")
            .example("[localhost:9092]")
            .required()
            .validate(Validators.notEmpty())
            .validate(Validators.described("host:port entries", ClientKeys::checkHostPorts))
            .build();
    static final ConfigKey<Map<String, String>> PROPERTIES = ConfigKey.stringMap("properties")
            .description("Kafka client properties passed through as they are (security.protocol, sasl.mechanism, "
                    + "sasl.jaas.config, ssl.truststore.location, compression.type, ...). Entries whose name contains "
                    + "password, secret, jaas or token are masked wherever configuration is printed. Properties the "
                    + "connector manages itself (serializers, isolation, transactions, group and client ids) are "
                    + "refused.")
            .example("{security.protocol: SASL_SSL, sasl.mechanism: PLAIN}")
            .secretEntries(SECRET_PROPERTY_FRAGMENTS)
            .validate(Validators.described("no connector-managed property", ClientProperties::checkPassThrough))
            .build();
    static final ConfigKey<Duration> REQUEST_TIMEOUT = ConfigKey.duration("request-timeout")
            .description("How long one metadata request, offset request or commit may take before the batch fails "
                    + "with a retriable error (the engine runs it again after a backoff).")
            .defaultValue(Duration.ofSeconds(30))
            .validate(Validators.positive())
            .build();

    private ClientKeys() {
    }

    private static void checkHostPorts(List<String> servers) {
        for (String s : servers) {
            int colon = s.lastIndexOf(':');
            if (colon <= 0 || colon == s.length() - 1 || !s.substring(colon + 1).chars().allMatch(Character::isDigit)) {
                throw new ConfigException("'" + s + "' is not host:port");
            }
        }
    }
}
