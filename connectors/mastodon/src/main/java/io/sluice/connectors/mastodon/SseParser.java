package io.sluice.connectors.mastodon;

/**
 * Server-sent events from lines: {@code event:} names the event, {@code data:} lines (joined with
 * {@code \n}) carry its payload, a blank line dispatches it; lines starting with {@code :} are comments
 * (Mastodon's heartbeats, {@code :thump}); {@code id:} and {@code retry:} are ignored. Not thread-safe.
 *
 * <pre>{@code
 * SseParser sse = new SseParser();
 * sse.line("event: update");
 * sse.line("data: {\"id\":\"1\"}");
 * SseParser.Event e = sse.line("");   // Event[name=update, data={"id":"1"}]
 * }</pre>
 */
final class SseParser {
    /** One dispatched event; {@code name} is {@code message} when the stream named none. */
    record Event(String name, String data) {
    }

    private String name;
    private StringBuilder data;

    static boolean isComment(String line) {
        return line.startsWith(":");
    }

    /** Feeds one line (without its line break); returns the event a blank line completes, else {@code null}. */
    Event line(String line) {
        if (line.isEmpty()) {
            Event event = data == null ? null : new Event(name == null ? "message" : name, data.toString());
            name = null;
            data = null;
            return event;
        }
        if (isComment(line)) {
            return null;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(line.length() > colon + 1 && line.charAt(colon + 1) == ' '
                ? colon + 2 : colon + 1);
        if (field.equals("event")) {
            name = value;
        } else if (field.equals("data")) {
            if (data == null) {
                data = new StringBuilder(value);
            } else {
                data.append('\n').append(value);
            }
        }
        return null;
    }
}
