package io.sluice.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigException;
import io.sluice.spi.source.ReceiverSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MqttFactoriesTest {

    @Test
    void theSourceIsAReceiverWithPersistentSessionsAndAWideReceiveWindowByDefault() {
        Config config = Config.builder(MqttSourceFactory.SPEC)
                .setRaw("servers", List.of("tcp://localhost:1883"))
                .setRaw("topics", Map.of("buses/+/events", 1))
                .setRaw("password", "s3cret")
                .build();
        assertThat(new MqttSourceFactory().create(config)).isInstanceOf(ReceiverSource.class);
        assertThat(config.get(MqttSourceFactory.PERSISTENT_SESSION)).isTrue();
        assertThat(config.get(MqttSourceFactory.RECEIVE_MAXIMUM)).isEqualTo(65_535);
        assertThat(config.get(ConnectionKeys.PROTOCOL)).isEqualTo("5");
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void brokerUrisMustUseAnMqttTransport() {
        for (String ok : List.of("tcp://h:1883", "ssl://h:8883", "ws://h:80/mqtt", "wss://h/mqtt")) {
            assertThat(ConnectionKeys.SERVERS.convertAndValidate(List.of(ok))).containsExactly(ok);
        }
        assertThatThrownBy(() -> ConnectionKeys.SERVERS.convertAndValidate(List.of("http://h:1883")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not a broker URI");
    }

    @Test
    void theSinkNeedsAPublishableTopic() {
        assertThatThrownBy(() -> Config.builder(MqttSinkFactory.SPEC).setRaw("topic", "alerts/#"))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> Config.builder(MqttSinkFactory.SPEC).setRaw("qos", 3))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void theDefaultClientIdIsStableAndBrokerSafe() {
        assertThat(ConnectionSettings.defaultClientId("bus occupancy", "sources.sensors"))
                .isEqualTo("sluice-bus-occupancy-sources.sensors");
    }
}
