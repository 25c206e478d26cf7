package io.sluice.connectors.flume;

import static io.sluice.connectors.flume.FlumeSourceFactory.BIND;
import static io.sluice.connectors.flume.FlumeSourceFactory.COMPRESSION;
import static io.sluice.connectors.flume.FlumeSourceFactory.FORMAT;
import static io.sluice.connectors.flume.FlumeSourceFactory.KEYSTORE;
import static io.sluice.connectors.flume.FlumeSourceFactory.KEYSTORE_PASSWORD;
import static io.sluice.connectors.flume.FlumeSourceFactory.KEYSTORE_TYPE;
import static io.sluice.connectors.flume.FlumeSourceFactory.MAX_BATCH_SIZE;
import static io.sluice.connectors.flume.FlumeSourceFactory.MAX_EVENT_SIZE;
import static io.sluice.connectors.flume.FlumeSourceFactory.MAX_STORE_WAIT;
import static io.sluice.connectors.flume.FlumeSourceFactory.PORT;
import static io.sluice.connectors.flume.FlumeSourceFactory.SSL;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigException;
import java.time.Duration;
import java.util.Optional;

/**
 * The flume source's configuration, read once and checked across keys.
 *
 * @param keyStore the TLS key store, empty when TLS is off
 */
record FlumeSourceSettings(String bind, int port, String format, boolean deflate, int maxBatchSize,
        int maxEventSize, Duration maxStoreWait, Optional<KeyStoreSettings> keyStore) {

    /** Where the server's TLS key and certificate are. The password is never printed. */
    record KeyStoreSettings(String path, String password, String type) {
        @Override
        public String toString() {
            return "KeyStoreSettings[path=" + path + ", type=" + type + ", password=******]";
        }
    }

    /**
     * @throws ConfigException if {@code ssl} is on without a {@code keystore}
     */
    static FlumeSourceSettings from(Config config) {
        Optional<KeyStoreSettings> keyStore = Optional.empty();
        if (config.get(SSL)) {
            String path = config.find(KEYSTORE).orElseThrow(
                    () -> new ConfigException("'keystore' is required when ssl is true"));
            keyStore = Optional.of(new KeyStoreSettings(path, config.find(KEYSTORE_PASSWORD).orElse(""),
                    config.get(KEYSTORE_TYPE)));
        }
        return new FlumeSourceSettings(config.get(BIND), config.get(PORT), config.get(FORMAT),
                "deflate".equals(config.get(COMPRESSION)), config.get(MAX_BATCH_SIZE), config.get(MAX_EVENT_SIZE),
                config.get(MAX_STORE_WAIT), keyStore);
    }
}
