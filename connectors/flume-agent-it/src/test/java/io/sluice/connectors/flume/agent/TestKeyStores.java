package io.sluice.connectors.flume.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A self-signed PKCS12 key store for 127.0.0.1/localhost, made with the JDK's keytool. */
final class TestKeyStores {
    static final String PASSWORD = "changeit";

    private TestKeyStores() {
    }

    static Path selfSigned(Path dir) throws IOException, InterruptedException {
        Path keyStore = dir.resolve("flume-source.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "sluice",
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + new String(process.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8));
        }
        return keyStore;
    }
}
