package io.sluice.connectors.flume;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigException;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.config.Validators;
import io.sluice.spi.source.Source;
import io.sluice.spi.source.SourceFactory;
import java.time.Duration;
import org.pf4j.Extension;

/**
 * The {@code flume} source type: an Avro RPC server speaking Flume's {@code AvroSourceProtocol}.
 *
 * <pre>{@code
 * sources:
 *   from-agents:
 *     type: flume
 *     bind: 0.0.0.0
 *     port: 41414            # 0 = any free port (logged)
 *     format: json           # the event body: bytes, text or json
 *     compression: deflate   # must match the agent's avro sink compression-type
 * }</pre>
 */
@Extension
public final class FlumeSourceFactory implements SourceFactory {
    static final ConfigKey<String> BIND = ConfigKey.string("bind")
            .description("The address to listen on; 0.0.0.0 for every interface.")
            .defaultValue("0.0.0.0")
            .validate(Validators.notEmpty())
            .build();
    static final ConfigKey<Integer> PORT = ConfigKey.integer("port")
            .description("The port to listen on (the agent's avro sink 'port'); 0 picks a free port, which is logged.")
            .example("41414")
            .required()
            .validate(Validators.between(0, 65535))
            .build();
    static final ConfigKey<String> FORMAT = ConfigKey.oneOf("format", "bytes", "text", "json")
            .description("How an event body becomes a record: bytes (the payload as is), text (UTF-8 in field 'text') "
                    + "or json (an object's fields). Bodies that do not decode go to the error reporter.")
            .defaultValue("bytes")
            .build();
    static final ConfigKey<String> COMPRESSION = ConfigKey.oneOf("compression", "none", "deflate")
            .description("deflate: zlib-compressed traffic, as a Flume avro sink sends with compression-type: deflate. "
                    + "Both sides must agree.")
            .defaultValue("none")
            .build();
    static final ConfigKey<Integer> MAX_BATCH_SIZE = ConfigKey.integer("max-batch-size")
            .description("Largest appendBatch call accepted; a larger one is answered FAILED (nothing is stored), so "
                    + "keep the agent's avro sink batch-size at or below it.")
            .defaultValue(10_000)
            .validate(Validators.atLeast(1))
            .build();
    static final ConfigKey<Integer> MAX_EVENT_SIZE = ConfigKey.integer("max-event-size")
            .description("Largest event body in bytes; a larger event goes to the error reporter (dead letters) and "
                    + "is acknowledged with the rest of its batch, since sending it again cannot succeed.")
            .defaultValue(16 * 1024 * 1024)
            .validate(Validators.atLeast(1))
            .build();
    static final ConfigKey<Duration> MAX_STORE_WAIT = ConfigKey.duration("max-store-wait")
            .description("How long a call may wait while the pipeline is behind (backpressure) before it is answered "
                    + "FAILED, its events not taken; keep it below the agent's request-timeout (Flume's default: 20s), "
                    + "or a call that timed out at the agent but was taken later is delivered twice.")
            .defaultValue(Duration.ofSeconds(10))
            .validate(Validators.positive())
            .build();
    static final ConfigKey<Boolean> SSL = ConfigKey.bool("ssl")
            .description("Serve TLS with the key store 'keystore' (the agent's avro sink sets ssl: true).")
            .defaultValue(false)
            .build();
    static final ConfigKey<String> KEYSTORE = ConfigKey.string("keystore")
            .description("Path of the key store holding the server's key and certificate; required when ssl is true.")
            .example("/etc/sluice/flume-source.p12")
            .build();
    static final ConfigKey<String> KEYSTORE_PASSWORD = ConfigKey.string("keystore-password")
            .description("Password of the key store and of its key.")
            .example("${FLUME_KEYSTORE_PASSWORD}")
            .secret()
            .build();
    static final ConfigKey<String> KEYSTORE_TYPE = ConfigKey.string("keystore-type")
            .description("Key store type: PKCS12 or JKS.")
            .defaultValue("PKCS12")
            .build();
    static final ConfigSpec SPEC = ConfigSpec.of(BIND, PORT, FORMAT, COMPRESSION, MAX_BATCH_SIZE, MAX_EVENT_SIZE,
            MAX_STORE_WAIT, SSL, KEYSTORE, KEYSTORE_PASSWORD, KEYSTORE_TYPE);

    @Override
    public String type() {
        return "flume";
    }

    @Override
    public String description() {
        return "Receives events pushed by Flume agents (avro sink) or the Flume SDK's RPC clients over Avro RPC; "
                + "acknowledges a call only once Sluice accepted its events, so the agent retries what was refused.";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    /**
     * @throws ConfigException if ssl is on without a keystore
     */
    @Override
    public Source create(Config config) {
        return new FlumeSource(FlumeSourceSettings.from(config));
    }
}
