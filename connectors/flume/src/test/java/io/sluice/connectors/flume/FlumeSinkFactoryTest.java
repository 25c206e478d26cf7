package io.sluice.connectors.flume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class FlumeSinkFactoryTest {
    private final FlumeSinkFactory factory = new FlumeSinkFactory();

    private Config.Builder config(Object hosts) {
        return Config.builder(factory.configSpec()).setRaw("hosts", hosts);
    }

    @Test
    void declaresItsTypeAndCreatesASinkForOneHostByDefault() {
        assertThat(factory.type()).isEqualTo("flume");
        assertThat(factory.create(config("collector:41414").build())).isInstanceOf(FlumeSink.class);
        Properties p = new FlumeSinkSettings(config("collector:41414").build()).clientProperties();
        assertThat(p).containsEntry("client.type", "default").containsEntry("hosts", "h1")
                .containsEntry("hosts.h1", "collector:41414").containsEntry("batch-size", "100")
                .containsEntry("connect-timeout", "20000").containsEntry("request-timeout", "20000")
                .doesNotContainKey("compression-type").doesNotContainKey("ssl");
    }

    @Test
    void rejectsHostsThatAreNotHostAndPortAndSeveralHostsForTheDefaultClient() {
        assertThatThrownBy(() -> config("collector").build()).isInstanceOf(ConfigException.class)
                .hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> config("collector:0").build()).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> config(List.of()).build()).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> factory.create(config(List.of("a:1", "b:2")).build()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("use client-type failover or load-balance");
    }

    @Test
    void mapsFailoverLoadBalanceCompressionAndTlsToTheSdkProperties() {
        Properties failover = new FlumeSinkSettings(config(List.of("a:1", "b:2", "c:3"))
                .setRaw("client-type", "failover").build()).clientProperties();
        assertThat(failover).containsEntry("client.type", "default_failover").containsEntry("hosts", "h1 h2 h3")
                .containsEntry("hosts.h3", "c:3").containsEntry("max-attempts", "3");

        Config balanced = config(List.of("a:1", "b:2")).setRaw("client-type", "load-balance")
                .setRaw("host-selector", "random").setRaw("compression", "deflate").setRaw("compression-level", 9)
                .setRaw("ssl", true).setRaw("truststore", "/t.p12").setRaw("truststore-password", "pw").build();
        Properties p = new FlumeSinkSettings(balanced).clientProperties();
        assertThat(p).containsEntry("client.type", "default_loadbalance").containsEntry("host-selector", "random")
                .containsEntry("backoff", "true").containsEntry("compression-type", "deflate")
                .containsEntry("compression-level", "9").containsEntry("ssl", "true")
                .containsEntry("truststore", "/t.p12").containsEntry("truststore-password", "pw")
                .containsEntry("truststore-type", "PKCS12").containsEntry("trust-all-certs", "false");
        assertThat(new FlumeSinkSettings(balanced).toString()).doesNotContain("pw,").contains("******");
    }
}
