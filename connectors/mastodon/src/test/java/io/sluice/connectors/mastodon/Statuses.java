package io.sluice.connectors.mastodon;

/** Mastodon statuses as the API sends them (trimmed to the fields the source reads, plus a few it ignores). */
final class Statuses {
    private Statuses() {
    }

    static String status(String id, String tag) {
        return "{\"id\":\"" + id + "\",\"created_at\":\"2024-11-23T19:26:40.000Z\",\"visibility\":\"public\","
                + "\"language\":\"en\",\"uri\":\"https://example.social/users/alice/statuses/" + id + "\","
                + "\"url\":\"https://example.social/@alice/" + id + "\","
                + "\"content\":\"<p>Hello &amp; welcome <a href=\\\"https://example.social/tags/" + tag
                + "\\\" class=\\\"mention hashtag\\\" rel=\\\"tag\\\">#<span>" + tag + "</span></a></p><p>bye</p>\","
                + "\"account\":{\"id\":\"7\",\"username\":\"alice\",\"acct\":\"alice@example.social\"},"
                + "\"tags\":[{\"name\":\"" + tag + "\",\"url\":\"https://example.social/tags/" + tag + "\"}],"
                + "\"media_attachments\":[]}";
    }

    /** An SSE event: {@code event:} and {@code data:} lines and the blank line that dispatches it. */
    static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }
}
