package io.sluice.connectors.kafka;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.sink.Sink;
import io.sluice.spi.testkit.SinkContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The sink keeps the SPI's sink contract at least once; a fresh one-partition topic per test. */
class KafkaSinkContractIT extends SinkContract {
    static TestCluster cluster;
    String topic;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.single();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.close();
    }

    @BeforeEach
    void freshTopic() {
        topic = cluster.createTopic("contract", 1);
    }

    Map<String, Object> keys() {
        return Map.of("topic", topic, "value-format", "string");
    }

    private Config config() {
        return Sinks.config(cluster, keys());
    }

    @Override
    protected Sink createSink() {
        return new KafkaSinkFactory().create(config());
    }

    @Override
    protected ComponentContext context() {
        return Sinks.context(config());
    }

    @Override
    protected boolean exactlyOnce() {
        return false;
    }

    @Override
    protected Record record(long batchId, int partition, int index) {
        return Record.builder().field("value", "batch " + batchId + " partition " + partition + " record " + index).build();
    }

    @Override
    protected List<Record> committedOutput() {
        return cluster.values(topic, "read_committed").stream().map(v -> Record.builder().field("value", v).build()).toList();
    }
}
