package io.sluice.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.platform.stream.BatchReport;
import io.sluice.platform.stream.StreamingContext;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import kafka.server.BrokerServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The only broker stops while a kafka-to-kafka pipeline runs and starts again a while later: batches fail
 * retriably (reported, retried with backoff) meanwhile, then the pipeline carries on and every event arrives.
 */
@Tag("slow")
class BrokerOutageIT {
    private static TestCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.separateBroker();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void thePipelineWaitsOutABrokerOutageAndLosesNothing() throws Exception {
        String input = cluster.createTopic("outage-in", 2);
        String output = cluster.createTopic("outage-out", 2);
        String yaml = """
                name: outage
                batch-interval: 200ms
                sources:
                  events:
                    type: kafka
                    bootstrap-servers: ["%1$s"]
                    topics: [%2$s]
                    starting-offsets: earliest
                    value-format: string
                    request-timeout: 2s
                    read-timeout: 2s
                sinks:
                  out:
                    type: kafka
                    from: events
                    bootstrap-servers: ["%1$s"]
                    topic: %3$s
                    value-format: string
                    request-timeout: 2s
                    delivery-timeout: 5s
                """.formatted(cluster.bootstrapServers(), input, output);
        Pipelines pipeline = Pipelines.yaml(yaml, Map.of(), StreamingContext.builder().parallelism(2)
                .batchRetries(1_000, Duration.ofMillis(100))).start();
        try {
            cluster.sendAll(input, 0, values(0, 100));
            await().atMost(Duration.ofMinutes(1)).until(() -> cluster.values(output, "read_uncommitted").size() >= 100);
            BrokerServer broker = cluster.kit.brokers().values().iterator().next();
            broker.shutdown();
            broker.awaitShutdown();
            // an outage of at least 5 s: longer than request-timeout, so some planning or reading attempt fails
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30)).until(() -> brokerUnreachable());
            broker.startup();
            cluster.kit.waitForReadyBrokers();
            cluster.sendAll(input, 1, values(100, 200));
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> new HashSet<>(cluster.values(output, "read_uncommitted")).size() == 200);
        } finally {
            pipeline.context.stop(true);
            pipeline.context.awaitTermination(Duration.ofMinutes(1));
        }
        assertThat(new HashSet<>(cluster.values(output, "read_uncommitted"))).containsExactlyInAnyOrderElementsOf(values(0, 200));
        assertThat(pipeline.reports).allMatch(BatchReport::succeeded);
        assertThat(pipeline.reports).as("some batch was retried during the outage").anyMatch(r -> r.attempts() > 1);
    }

    private static boolean brokerUnreachable() {
        try {
            cluster.admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().timeoutMs(500)).names()
                    .get(1, java.util.concurrent.TimeUnit.SECONDS);
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    private static List<String> values(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "event-" + i).toList();
    }
}
