package io.sluice.connectors.flume;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flume.Event;
import org.apache.flume.event.EventBuilder;

/** Flume events for tests: numbered text bodies with an {@code id} header. */
final class FlumeEvents {
    private FlumeEvents() {
    }

    static Event event(String body, Map<String, String> headers) {
        return EventBuilder.withBody(body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Events {@code prefix-from} .. {@code prefix-(to-1)}, body = id, header {@code id} = id. */
    static List<Event> numbered(String prefix, int from, int to) {
        List<Event> events = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            String id = prefix + "-" + i;
            events.add(event(id, Map.of("id", id)));
        }
        return events;
    }

    static List<String> ids(String prefix, int from, int to) {
        List<String> ids = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            ids.add(prefix + "-" + i);
        }
        return ids;
    }
}
