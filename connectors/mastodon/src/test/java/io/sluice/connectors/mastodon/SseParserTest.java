package io.sluice.connectors.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {
    private final SseParser sse = new SseParser();

    private List<SseParser.Event> feed(String text) {
        List<SseParser.Event> events = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            SseParser.Event e = sse.line(line);
            if (e != null) {
                events.add(e);
            }
        }
        return events;
    }

    @Test
    void eventsAreDispatchedByBlankLinesWithCommentsAndUnknownFieldsIgnored() {
        List<SseParser.Event> events = feed(":thump\nevent: update\nid: 5\ndata: {\"id\":\"1\"}\n\n:thump\n"
                + "event: delete\ndata: 1\n\ndata:no space\n\n");

        assertThat(events).containsExactly(new SseParser.Event("update", "{\"id\":\"1\"}"),
                new SseParser.Event("delete", "1"), new SseParser.Event("message", "no space"));
    }

    @Test
    void multipleDataLinesAreJoinedAndAnEventWithoutDataIsNotDispatched() {
        assertThat(feed("event: update\ndata: a\ndata: b\n\nevent: ping\n\n"))
                .containsExactly(new SseParser.Event("update", "a\nb"));
    }

    @Test
    void commentsAreRecognised() {
        assertThat(SseParser.isComment(":thump")).isTrue();
        assertThat(SseParser.isComment("data: :x")).isFalse();
    }
}
