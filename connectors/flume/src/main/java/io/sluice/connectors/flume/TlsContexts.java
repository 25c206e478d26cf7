package io.sluice.connectors.flume;

import io.sluice.connectors.flume.FlumeSourceSettings.KeyStoreSettings;
import io.sluice.spi.ConnectorException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Builds the flume source's server-side TLS context from its key store. */
final class TlsContexts {
    private TlsContexts() {
    }

    /**
     * @throws ConnectorException if the key store cannot be read or holds no usable key (the
     *         message names the file, never the password)
     */
    static SSLContext server(KeyStoreSettings settings) {
        char[] password = settings.password().toCharArray();
        try (InputStream in = Files.newInputStream(Path.of(settings.path()))) {
            KeyStore keyStore = KeyStore.getInstance(settings.type());
            keyStore.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConnectorException("cannot use key store " + settings.path() + " (type " + settings.type()
                    + ") for the flume source's TLS: " + e.getMessage(), e);
        }
    }
}
