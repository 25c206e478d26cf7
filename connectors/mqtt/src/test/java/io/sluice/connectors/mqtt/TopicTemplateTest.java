package io.sluice.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import io.sluice.spi.config.ConfigException;
import org.junit.jupiter.api.Test;

class TopicTemplateTest {

    @Test
    void placeholdersAreFilledFromFieldsOrTheKey() {
        Record alert = Record.builder().field("bus", "bus-7").field("depot", 3L).key("k1").build();
        assertThat(TopicTemplate.parse("alerts/{bus}").topicOf(alert)).isEqualTo("alerts/bus-7");
        assertThat(TopicTemplate.parse("d{depot}/{bus}/{key}/x").topicOf(alert)).isEqualTo("d3/bus-7/k1/x");
        assertThat(TopicTemplate.parse("fixed/topic").topicOf(alert)).isEqualTo("fixed/topic");
    }

    @Test
    void aRecordThatCannotNameItsTopicIsABadRecord() {
        TopicTemplate template = TopicTemplate.parse("alerts/{bus}");
        assertThatThrownBy(() -> template.topicOf(Record.builder().field("x", 1L).build()))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("'bus' is missing");
        assertThatThrownBy(() -> template.topicOf(Record.builder().field("bus", "a/b").build()))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("cannot be a topic level");
        assertThatThrownBy(() -> template.topicOf(Record.builder().field("bus", "#").build()))
                .isInstanceOf(BadRecordException.class);
    }

    @Test
    void wildcardsAndStrayBracesAreConfigErrors() {
        assertThatThrownBy(() -> TopicTemplate.parse("alerts/+")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> TopicTemplate.parse("alerts/{bus")).isInstanceOf(ConfigException.class);
    }
}
