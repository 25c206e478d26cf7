package io.sluice.connectors.mqtt;

import io.sluice.spi.ConnectorException;
import io.sluice.spi.config.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.SocketFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds the TLS socket factory from the configured trust and key stores (PKCS12 or JKS). */
final class TlsSockets {
    private TlsSockets() {
    }

    /**
     * The socket factory for ssl:// and wss:// connections, or empty when neither store is configured.
     *
     * @throws ConnectorException if a store cannot be read or opened with its password
     */
    static Optional<SocketFactory> from(Config config) {
        Optional<String> trustStore = config.find(ConnectionKeys.TRUST_STORE);
        Optional<String> keyStore = config.find(ConnectionKeys.KEY_STORE);
        if (trustStore.isEmpty() && keyStore.isEmpty()) {
            return Optional.empty();
        }
        try {
            TrustManagerFactory trust = null;
            if (trustStore.isPresent()) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load(trustStore.get(), config.find(ConnectionKeys.TRUST_STORE_PASSWORD)));
            }
            KeyManagerFactory keys = null;
            if (keyStore.isPresent()) {
                char[] password = config.find(ConnectionKeys.KEY_STORE_PASSWORD).map(String::toCharArray).orElse(null);
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(keyStore.get(), config.find(ConnectionKeys.KEY_STORE_PASSWORD)), password);
            }
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return Optional.of(tls.getSocketFactory());
        } catch (GeneralSecurityException e) {
            throw new ConnectorException("cannot set up TLS from the configured stores: " + e.getMessage(), e);
        }
    }

    /** {@code KeyStore.getInstance(File, char[])} detects PKCS12 and JKS by content. */
    private static KeyStore load(String file, Optional<String> password) throws GeneralSecurityException {
        Path path = Path.of(file);
        try {
            return KeyStore.getInstance(path.toFile(), password.map(String::toCharArray).orElse(null));
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: the file does not exist or is not a regular file.
            throw new ConnectorException("cannot read TLS store " + path + ": " + e.getMessage(), e);
        }
    }
}
