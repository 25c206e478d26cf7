package io.sluice.connectors.kafka;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.config.Config;
import io.sluice.spi.source.ReplayableSource;
import io.sluice.spi.testkit.ReplayableSourceContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The kafka source keeps the replayable-source contract while records arrive in three partitions. */
class KafkaSourceContractIT extends ReplayableSourceContract<OffsetRange> {
    private static TestCluster cluster;
    private String topic;

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
        topic = cluster.createTopic("contract", 3);
    }

    private Config config() {
        return Sources.config(cluster, Map.of("topics", topic, "starting-offsets", "earliest", "max-records-per-partition", 3));
    }

    @Override
    protected ReplayableSource<OffsetRange> source() {
        return Sources.source(config());
    }

    @Override
    protected ComponentContext context() {
        return Sources.context(config());
    }

    @Override
    protected boolean bounded() {
        return false;
    }

    @Override
    protected void beforeBatch(long batchId) {
        for (int p = 0; p < 3; p++) {
            cluster.sendAll(topic, p, List.of("{\"batch\":" + batchId + ",\"n\":1}", "{\"batch\":" + batchId + ",\"n\":2}"));
        }
    }
}
