package io.sluice.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.SluiceException;
import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigException;
import io.sluice.spi.source.ReplayableSource;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class KafkaFactoriesTest {

    private static Config.Builder source() {
        return Config.builder(KafkaSourceFactory.SPEC).setRaw("bootstrap-servers", List.of("localhost:9092"));
    }

    @Test
    void theSourceIsReplayableAndReadsCommittedDataFromTheGroupsPositionByDefault() {
        Config config = source().setRaw("topics", List.of("events")).build();
        assertThat(new KafkaSourceFactory().create(config)).isInstanceOf(ReplayableSource.class);
        assertThat(config.get(KafkaSourceFactory.STARTING_OFFSETS)).isEqualTo("committed");
        assertThat(config.get(KafkaSourceFactory.ISOLATION_LEVEL)).isEqualTo("read_committed");
        assertThat(config.get(KafkaSourceFactory.ON_OFFSET_OUT_OF_RANGE)).isEqualTo("fail");
    }

    @Test
    void exactlyOneOfTopicsAndPatternAndATimestampForTimestampStarts() {
        assertThatThrownBy(() -> new KafkaSourceFactory().create(source().build()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("exactly one of 'topics' and 'topic-pattern'");
        assertThatThrownBy(() -> new KafkaSourceFactory().create(source().setRaw("topics", "a").setRaw("topic-pattern", "a.*").build()))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> new KafkaSourceFactory().create(source().setRaw("topics", "a")
                .setRaw("starting-offsets", "timestamp").build())).hasMessageContaining("starting-timestamp");
        assertThatThrownBy(() -> source().setRaw("topic-pattern", "bus-(")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("regular expression");
        assertThatThrownBy(() -> source().setRaw("starting-timestamp", "yesterday")).isInstanceOf(ConfigException.class);
        assertThat(KafkaSourceFactory.parseTimestamp("2026-11-30T08:00:00Z")).isEqualTo(1_796_025_600_000L);
        assertThat(KafkaSourceFactory.parseTimestamp("1732390000000")).isEqualTo(1_732_390_000_000L);
        assertThatThrownBy(() -> source().setRaw("bootstrap-servers", List.of("localhost"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("host:port");
    }

    @Test
    void secretClientPropertiesAreMaskedWhereverTheConfigIsPrinted() {
        Config config = source().setRaw("topics", "events").setRaw("properties", Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required password=\"hunter2\";",
                "ssl.truststore.password", "changeit",
                "sasl.oauthbearer.token.endpoint.url", "https://idp/token")).build();
        assertThat(config.toString()).contains("security.protocol=SASL_SSL").doesNotContain("hunter2")
                .doesNotContain("changeit").doesNotContain("https://idp/token").contains("sasl.jaas.config=******");
        assertThat(config.get(ClientKeys.PROPERTIES)).containsEntry("ssl.truststore.password", "changeit");
    }

    @Test
    void propertiesTheConnectorManagesAreRefused() {
        assertThatThrownBy(() -> source().setRaw("properties", Map.of("isolation.level", "read_uncommitted")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("isolation.level");
        assertThatThrownBy(() -> Config.builder(KafkaSinkFactory.SPEC).setRaw("properties", Map.of("transactional.id", "x")))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void theSinkNeedsAValidTopicTemplate() {
        assertThatThrownBy(() -> Config.builder(KafkaSinkFactory.SPEC).setRaw("topic", "alerts/{bus}"))
                .isInstanceOf(ConfigException.class);
        Config config = Config.builder(KafkaSinkFactory.SPEC).setRaw("bootstrap-servers", List.of("h:9092"))
                .setRaw("topic", "alerts-{line}").build();
        assertThat(config.get(KafkaSinkFactory.DELIVERY)).isEqualTo("at-least-once");
        assertThat(new KafkaSinkFactory().create(config)).isNotNull();
    }

    @Test
    void defaultIdsNameThePipelineAndTheComponent() {
        assertThat(ClientProperties.defaultId("bus occupancy", "sinks.alerts-out")).isEqualTo("sluice-bus-occupancy-alerts-out");
    }

    @Test
    void splitsAndPositionsAreVersionedAndRejectUnknownVersionsOrCorruption() {
        OffsetRangeCodec codec = new OffsetRangeCodec();
        OffsetRange split = new OffsetRange("bus-events", 5, 1_000, 51_000);
        assertThat(codec.decode(1, codec.encode(split))).isEqualTo(split);
        assertThatThrownBy(() -> codec.decode(2, codec.encode(split))).isInstanceOf(SluiceException.class)
                .hasMessageContaining("version 2");
        assertThatThrownBy(() -> codec.decode(1, new byte[3])).isInstanceOf(SluiceException.class);

        PartitionOffsets offsets = PartitionOffsets.of(Map.of(new TopicPartition("b", 1), 7L, new TopicPartition("a", 0), 3L));
        assertThat(PartitionOffsets.decode(offsets.encode()).asMap()).containsExactly(
                Map.entry(new TopicPartition("a", 0), 3L), Map.entry(new TopicPartition("b", 1), 7L));
        byte[] bytes = offsets.encode();
        bytes[3] = 9;
        assertThatThrownBy(() -> PartitionOffsets.decode(bytes)).isInstanceOf(SluiceException.class).hasMessageContaining("version 9");
    }

    @Test
    void theBudgetIsSharedFairly() {
        assertThat(FairShare.allocate(new long[] {10, 10, 1}, 7)).containsExactly(3, 3, 1);
        assertThat(FairShare.allocate(new long[] {10, 10, 10}, 10)).containsExactly(4, 3, 3);
        assertThat(FairShare.allocate(new long[] {5, 0, 2}, Long.MAX_VALUE)).containsExactly(5, 0, 2);
        assertThat(FairShare.allocate(new long[] {5, 5}, 0)).containsExactly(0, 0);
    }
}
