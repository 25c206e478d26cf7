package io.sluice.connectors.flume.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flume.agent.embedded.EmbeddedAgent;
import org.junit.jupiter.api.Test;

/**
 * Sluice stopped while a real agent keeps receiving events: the agent's avro sink fails, keeps the
 * events in its channel, and delivers them once Sluice listens again; none is lost.
 */
class FlumeAgentRetriesAcrossSluiceRestartIT {

    @Test
    void eventsPutWhileSluiceIsDownArriveAfterTheRestart() throws Exception {
        SluiceWithFlumeSources first = new SluiceWithFlumeSources(Map.of("bind", "127.0.0.1", "port", 0, "format", "json"));
        int port = first.port(0);
        EmbeddedAgent agent = Agents.start("restart", Agents.avroSinkTo(port, Map.of()));
        SluiceWithFlumeSources second = null;
        try {
            Agents.put(agent, "before", 0, 300);
            await().atMost(SluiceWithFlumeSources.DEADLINE).until(() -> first.headerValues("id", "before-").size() >= 100);

            first.close();
            Agents.put(agent, "while-down", 0, 300);     // the avro sink cannot deliver: they wait in the channel

            second = new SluiceWithFlumeSources(Map.of("bind", "127.0.0.1", "port", port, "format", "json"));
            SluiceWithFlumeSources restarted = second;
            List<String> expected = new java.util.ArrayList<>(Agents.ids("before", 0, 300));
            expected.addAll(Agents.ids("while-down", 0, 300));
            await().atMost(SluiceWithFlumeSources.DEADLINE).until(() -> ids(first, restarted).containsAll(expected));

            assertThat(ids(first, restarted)).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(first.headerValues("id", "while-down-")).isEmpty();
        } finally {
            agent.stop();
            if (second != null) {
                second.close();
            }
        }
    }

    private static Set<String> ids(SluiceWithFlumeSources... pipelines) {
        Set<String> ids = new HashSet<>();
        for (SluiceWithFlumeSources p : pipelines) {
            ids.addAll(p.headerValues("id", ""));
        }
        return ids;
    }
}
