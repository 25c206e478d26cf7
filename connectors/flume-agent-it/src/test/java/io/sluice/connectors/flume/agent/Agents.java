package io.sluice.connectors.flume.agent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flume.Event;
import org.apache.flume.EventDeliveryException;
import org.apache.flume.agent.embedded.EmbeddedAgent;
import org.apache.flume.event.EventBuilder;

/** Embedded Flume agents as a user configures them: a memory channel and an avro sink to Sluice. */
final class Agents {
    private Agents() {
    }

    /** An agent's properties: memory channel, one avro sink to 127.0.0.1:{@code port}, plus {@code sinkOptions}. */
    static Map<String, String> avroSinkTo(int port, Map<String, String> sinkOptions) {
        Map<String, String> props = new HashMap<>();
        props.put("channel.type", "memory");
        props.put("channel.capacity", "10000");
        props.put("channel.transactionCapacity", "100");
        props.put("sinks", "to-sluice");
        props.put("processor.type", "default");
        props.put("to-sluice.type", "avro");
        props.put("to-sluice.hostname", "127.0.0.1");
        props.put("to-sluice.port", Integer.toString(port));
        props.put("to-sluice.batch-size", "50");
        props.put("to-sluice.connect-timeout", "20000");
        props.put("to-sluice.request-timeout", "30000");
        sinkOptions.forEach((k, v) -> props.put("to-sluice." + k, v));
        return props;
    }

    static EmbeddedAgent start(String name, Map<String, String> props) {
        EmbeddedAgent agent = new EmbeddedAgent(name);
        agent.configure(props);
        agent.start();
        return agent;
    }

    /** Puts events {@code prefix-from} .. {@code prefix-(to-1)} (body and header {@code id}), 50 per transaction. */
    static void put(EmbeddedAgent agent, String prefix, int from, int to) throws EventDeliveryException {
        List<Event> chunk = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String id = prefix + "-" + i;
            chunk.add(EventBuilder.withBody(("{\"id\":\"" + id + "\",\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8),
                    Map.of("id", id, "agent", "it")));
            if (chunk.size() == 50) {
                agent.putAll(chunk);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            agent.putAll(chunk);
        }
    }

    static List<String> ids(String prefix, int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ids.add(prefix + "-" + i);
        }
        return ids;
    }
}
