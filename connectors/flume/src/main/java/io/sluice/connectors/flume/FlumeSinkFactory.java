package io.sluice.connectors.flume;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigException;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.config.Validators;
import io.sluice.spi.sink.Sink;
import io.sluice.spi.sink.SinkFactory;
import java.time.Duration;
import java.util.List;
import org.pf4j.Extension;

/**
 * The {@code flume} sink type: sends records as Flume events to Flume avro sources through the
 * Flume SDK's RPC client.
 *
 * <pre>{@code
 * sinks:
 *   to-collectors:
 *     type: flume
 *     from: events
 *     hosts: [collector-1:41414, collector-2:41414]
 *     client-type: load-balance
 *     format: json
 *     header-fields: [host, level]
 * }</pre>
 */
@Extension
public final class FlumeSinkFactory implements SinkFactory {
    static final ConfigKey<List<String>> HOSTS = ConfigKey.stringList("hosts")
            .description("The Flume avro sources to send to, as HOST:PORT; several for failover or load-balance.")
            .example("[collector-1:41414, collector-2:41414]")
            .required()
            .validate(Validators.notEmpty())
            .validate(Validators.described("each HOST:PORT", hosts -> hosts.forEach(HostAndPort::parse)))
            .build();
    static final ConfigKey<String> CLIENT_TYPE = ConfigKey.oneOf("client-type", "default", "failover", "load-balance")
            .description("The SDK client: default (one host), failover (the first host that works, in order) or "
                    + "load-balance (spread over all hosts, backing off failed ones).")
            .defaultValue("default")
            .build();
    static final ConfigKey<String> HOST_SELECTOR = ConfigKey.oneOf("host-selector", "round-robin", "random")
            .description("For load-balance: how the next host is chosen.")
            .defaultValue("round-robin")
            .build();
    static final ConfigKey<String> FORMAT = ConfigKey.oneOf("format", "json", "text", "bytes")
            .description("How a record becomes an event body: json (its fields as one object), text (field 'text') "
                    + "or bytes (its payload). Records that do not encode go to the error reporter.")
            .defaultValue("json")
            .build();
    static final ConfigKey<List<String>> HEADER_FIELDS = ConfigKey.stringList("header-fields")
            .description("Record fields copied into event headers (as text), besides the record's own headers; a "
                    + "record timestamp becomes the 'timestamp' header unless one is set.")
            .example("[host, level]")
            .defaultValue(List.of())
            .build();
    static final ConfigKey<Integer> BATCH_SIZE = ConfigKey.integer("batch-size")
            .description("Events per appendBatch call; keep it at or below the receiving source's limit.")
            .defaultValue(100)
            .validate(Validators.atLeast(1))
            .build();
    static final ConfigKey<Duration> CONNECT_TIMEOUT = ConfigKey.duration("connect-timeout")
            .description("How long connecting to a host may take.")
            .defaultValue(Duration.ofSeconds(20))
            .validate(Validators.positive())
            .build();
    static final ConfigKey<Duration> REQUEST_TIMEOUT = ConfigKey.duration("request-timeout")
            .description("How long one append call may wait for Flume's answer.")
            .defaultValue(Duration.ofSeconds(20))
            .validate(Validators.positive())
            .build();
    static final ConfigKey<Integer> MAX_ATTEMPTS = ConfigKey.integer("max-attempts")
            .description("Attempts per appendBatch call before the partition fails (the engine then runs the batch "
                    + "again, so events may be delivered twice).")
            .defaultValue(5)
            .validate(Validators.atLeast(1))
            .build();
    static final ConfigKey<Duration> RETRY_BACKOFF = ConfigKey.duration("retry-backoff")
            .description("Wait before the second attempt, doubled after each failure up to max-retry-backoff.")
            .defaultValue(Duration.ofMillis(500))
            .validate(Validators.positive())
            .build();
    static final ConfigKey<Duration> MAX_RETRY_BACKOFF = ConfigKey.duration("max-retry-backoff")
            .description("Longest wait between two attempts.")
            .defaultValue(Duration.ofSeconds(10))
            .validate(Validators.positive())
            .build();
    static final ConfigKey<String> COMPRESSION = ConfigKey.oneOf("compression", "none", "deflate")
            .description("deflate: compress traffic, for avro sources with compression-type: deflate.")
            .defaultValue("none")
            .build();
    static final ConfigKey<Integer> COMPRESSION_LEVEL = ConfigKey.integer("compression-level")
            .description("zlib level for deflate, 1 (fastest) to 9 (smallest).")
            .defaultValue(6)
            .validate(Validators.between(1, 9))
            .build();
    static final ConfigKey<Boolean> SSL = ConfigKey.bool("ssl")
            .description("Connect with TLS (avro sources with ssl: true).")
            .defaultValue(false)
            .build();
    static final ConfigKey<String> TRUSTSTORE = ConfigKey.string("truststore")
            .description("Trust store with the certificates to trust; without one the JVM's default trust applies.")
            .example("/etc/sluice/flume-trust.p12")
            .build();
    static final ConfigKey<String> TRUSTSTORE_PASSWORD = ConfigKey.string("truststore-password")
            .description("Password of the trust store.")
            .secret()
            .build();
    static final ConfigKey<String> TRUSTSTORE_TYPE = ConfigKey.string("truststore-type")
            .description("Trust store type: PKCS12 or JKS.")
            .defaultValue("PKCS12")
            .build();
    static final ConfigKey<Boolean> TRUST_ALL_CERTS = ConfigKey.bool("trust-all-certs")
            .description("Accept any server certificate (tests only: no protection against a man in the middle).")
            .defaultValue(false)
            .build();
    static final ConfigSpec SPEC = ConfigSpec.of(HOSTS, CLIENT_TYPE, HOST_SELECTOR, FORMAT, HEADER_FIELDS, BATCH_SIZE,
            CONNECT_TIMEOUT, REQUEST_TIMEOUT, MAX_ATTEMPTS, RETRY_BACKOFF, MAX_RETRY_BACKOFF, COMPRESSION,
            COMPRESSION_LEVEL, SSL, TRUSTSTORE, TRUSTSTORE_PASSWORD, TRUSTSTORE_TYPE, TRUST_ALL_CERTS);

    @Override
    public String type() {
        return "flume";
    }

    @Override
    public String description() {
        return "Sends records as Flume events to Flume avro sources (default, failover or load-balancing client), "
                + "retrying with backoff; a batch Flume does not accept is run again (at-least-once).";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    /**
     * @throws ConfigException if client-type default is given several hosts
     */
    @Override
    public Sink create(Config config) {
        if ("default".equals(config.get(CLIENT_TYPE)) && config.get(HOSTS).size() > 1) {
            throw new ConfigException("client-type default sends to one host, but hosts has "
                    + config.get(HOSTS).size() + "; use client-type failover or load-balance");
        }
        return new FlumeSink(new FlumeSinkSettings(config), RpcClients.fromSdk(), Sleeper.THREAD);
    }
}
