package io.sluice.connectors.flume;

import static io.sluice.connectors.flume.FlumeSinkFactory.BATCH_SIZE;
import static io.sluice.connectors.flume.FlumeSinkFactory.CLIENT_TYPE;
import static io.sluice.connectors.flume.FlumeSinkFactory.COMPRESSION;
import static io.sluice.connectors.flume.FlumeSinkFactory.COMPRESSION_LEVEL;
import static io.sluice.connectors.flume.FlumeSinkFactory.CONNECT_TIMEOUT;
import static io.sluice.connectors.flume.FlumeSinkFactory.FORMAT;
import static io.sluice.connectors.flume.FlumeSinkFactory.HEADER_FIELDS;
import static io.sluice.connectors.flume.FlumeSinkFactory.HOSTS;
import static io.sluice.connectors.flume.FlumeSinkFactory.HOST_SELECTOR;
import static io.sluice.connectors.flume.FlumeSinkFactory.MAX_ATTEMPTS;
import static io.sluice.connectors.flume.FlumeSinkFactory.MAX_RETRY_BACKOFF;
import static io.sluice.connectors.flume.FlumeSinkFactory.REQUEST_TIMEOUT;
import static io.sluice.connectors.flume.FlumeSinkFactory.RETRY_BACKOFF;
import static io.sluice.connectors.flume.FlumeSinkFactory.SSL;
import static io.sluice.connectors.flume.FlumeSinkFactory.TRUSTSTORE;
import static io.sluice.connectors.flume.FlumeSinkFactory.TRUSTSTORE_PASSWORD;
import static io.sluice.connectors.flume.FlumeSinkFactory.TRUSTSTORE_TYPE;
import static io.sluice.connectors.flume.FlumeSinkFactory.TRUST_ALL_CERTS;

import io.sluice.spi.config.Config;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * The flume sink's configuration, and the SDK client properties it stands for
 * ({@code RpcClientConfigurationConstants}).
 */
final class FlumeSinkSettings {
    private final Config config;
    private final List<HostAndPort> hosts;

    FlumeSinkSettings(Config config) {
        this.config = config;
        this.hosts = config.get(HOSTS).stream().map(HostAndPort::parse).toList();
    }

    String format() {
        return config.get(FORMAT);
    }

    List<String> headerFields() {
        return config.get(HEADER_FIELDS);
    }

    int batchSize() {
        return config.get(BATCH_SIZE);
    }

    int maxAttempts() {
        return config.get(MAX_ATTEMPTS);
    }

    Duration retryBackoff() {
        return config.get(RETRY_BACKOFF);
    }

    Duration maxRetryBackoff() {
        return config.get(MAX_RETRY_BACKOFF);
    }

    List<HostAndPort> hosts() {
        return hosts;
    }

    /** The properties {@code RpcClientFactory.getInstance} takes for this configuration. */
    Properties clientProperties() {
        Properties p = new Properties();
        String type = config.get(CLIENT_TYPE);
        p.setProperty("client.type", switch (type) {
            case "failover" -> "default_failover";
            case "load-balance" -> "default_loadbalance";
            default -> "default";
        });
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < hosts.size(); i++) {
            String name = "h" + (i + 1);
            names.append(i == 0 ? "" : " ").append(name);
            p.setProperty("hosts." + name, hosts.get(i).toString());
        }
        p.setProperty("hosts", names.toString());
        p.setProperty("batch-size", Integer.toString(batchSize()));
        p.setProperty("connect-timeout", Long.toString(config.get(CONNECT_TIMEOUT).toMillis()));
        p.setProperty("request-timeout", Long.toString(config.get(REQUEST_TIMEOUT).toMillis()));
        if ("failover".equals(type)) {
            p.setProperty("max-attempts", Integer.toString(hosts.size()));
        }
        if ("load-balance".equals(type)) {
            p.setProperty("host-selector", "random".equals(config.get(HOST_SELECTOR)) ? "random" : "round_robin");
            p.setProperty("backoff", "true");
        }
        if ("deflate".equals(config.get(COMPRESSION))) {
            p.setProperty("compression-type", "deflate");
            p.setProperty("compression-level", Integer.toString(config.get(COMPRESSION_LEVEL)));
        }
        if (config.get(SSL)) {
            p.setProperty("ssl", "true");
            p.setProperty("trust-all-certs", Boolean.toString(config.get(TRUST_ALL_CERTS)));
            config.find(TRUSTSTORE).ifPresent(t -> p.setProperty("truststore", t));
            config.find(TRUSTSTORE_PASSWORD).ifPresent(t -> p.setProperty("truststore-password", t));
            p.setProperty("truststore-type", config.get(TRUSTSTORE_TYPE));
        }
        return p;
    }

    /** The configuration with secrets masked. */
    @Override
    public String toString() {
        return config.toString();
    }
}
