package io.sluice.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.config.ConfigException;
import org.junit.jupiter.api.Test;

class TopicPatternTest {

    @Test
    void namedLevelsBecomeFields() {
        assertThat(TopicPattern.parse("buses/{bus}/events").fields("buses/7/events")).containsExactly(
                java.util.Map.entry("bus", "7"));
        assertThat(TopicPattern.parse("fleet/{depot}/+/{bus}/#").fields("fleet/north/x/7/doors/2"))
                .containsEntry("depot", "north").containsEntry("bus", "7").hasSize(2);
    }

    @Test
    void aTopicThatDoesNotMatchGivesNoFields() {
        TopicPattern pattern = TopicPattern.parse("buses/{bus}/events");
        assertThat(pattern.fields("buses/7/doors")).isEmpty();
        assertThat(pattern.fields("buses/7/events/extra")).isEmpty();
        assertThat(pattern.fields("buses/7")).isEmpty();
    }

    @Test
    void malformedPatternsAreConfigErrors() {
        assertThatThrownBy(() -> TopicPattern.parse("buses/bus-{id}/events")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("whole {field}");
        assertThatThrownBy(() -> TopicPattern.parse("a/{x}/{x}")).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> TopicPattern.parse("a/#/b")).hasMessageContaining("last level");
    }
}
