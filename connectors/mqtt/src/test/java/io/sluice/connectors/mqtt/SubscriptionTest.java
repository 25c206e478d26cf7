package io.sluice.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.config.ConfigException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    @Test
    void filtersWithTheirQosInOrder() {
        Map<String, String> topics = new LinkedHashMap<>();
        topics.put("buses/+/events", "1");
        topics.put("$share/sluice/depots/#", "2");
        topics.put("#", "0");
        assertThat(Subscription.parse(topics)).containsExactly(new Subscription("buses/+/events", 1),
                new Subscription("$share/sluice/depots/#", 2), new Subscription("#", 0));
        assertThat(Subscription.parse(topics).get(1).shared()).isTrue();
    }

    @Test
    void invalidFiltersAndQosAreConfigErrors() {
        assertThatThrownBy(() -> Subscription.parse(Map.of("a/#/b", "1"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'#'");
        assertThatThrownBy(() -> Subscription.parse(Map.of("a/b+", "1"))).hasMessageContaining("'+'");
        assertThatThrownBy(() -> Subscription.parse(Map.of("$share/g", "1"))).hasMessageContaining("$share/GROUP/FILTER");
        assertThatThrownBy(() -> Subscription.parse(Map.of("a", "3"))).hasMessageContaining("QoS must be 0, 1 or 2");
        assertThatThrownBy(() -> Subscription.parse(Map.of())).hasMessageContaining("at least one");
    }
}
