package io.sluice.connectors.mastodon;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a Mastodon status (as decoded JSON) into a record with the fields {@code id},
 * {@code created_at}, {@code acct} (the author, {@code user} or {@code user@server}), {@code text} (the
 * content without HTML), {@code html} (the content as sent), {@code tags} (names, without #),
 * {@code language}, {@code url}, {@code event} ({@code update}, or {@code status.update} for an edit)
 * and {@code via} ({@code stream} or {@code catch-up}). The timestamp is {@code created_at}.
 */
final class StatusRecords {
    private StatusRecords() {
    }

    /**
     * @throws BadRecordException if the status has no id
     */
    static Record toRecord(Record status, String event, String via, long receivedAt) {
        Object id = status.get("id");
        if (id == null) {
            throw new BadRecordException("not a status: no id");
        }
        String createdAt = text(status.get("created_at"));
        String acct = status.get("account") instanceof Map<?, ?> account ? text(account.get("acct")) : null;
        String html = text(status.get("content"));
        List<String> tags = new ArrayList<>();
        if (status.get("tags") instanceof List<?> list) {
            for (Object tag : list) {
                if (tag instanceof Map<?, ?> t && t.get("name") != null) {
                    tags.add(t.get("name").toString());
                }
            }
        }
        return Record.builder()
                .field("id", id.toString())
                .field("created_at", createdAt)
                .field("acct", acct)
                .field("text", HtmlText.of(html))
                .field("html", html)
                .field("tags", tags)
                .field("language", text(status.get("language")))
                .field("url", text(status.get("url")))
                .field("event", event)
                .field("via", via)
                .timestamp(epochMillis(createdAt, receivedAt))
                .position("status:" + id)
                .build();
    }

    private static long epochMillis(String createdAt, long fallback) {
        if (createdAt == null) {
            return fallback;
        }
        try {
            return Instant.parse(createdAt).toEpochMilli();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
