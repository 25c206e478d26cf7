package io.sluice.connectors.bluesky;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import java.util.Map;

/**
 * Turns a Jetstream commit event ({@code {"did", "time_us", "kind": "commit", "commit": {"rev",
 * "operation", "collection", "rkey", "record", "cid"}}}) into a record with the fields {@code did},
 * {@code time_us}, {@code kind}, {@code operation} ({@code create}, {@code update}, {@code delete}),
 * {@code collection}, {@code rkey}, {@code rev}, {@code cid}, {@code uri} ({@code at://did/collection/rkey}),
 * {@code record} (the record's JSON as nested fields; {@code null} for a delete), and for
 * {@code app.bsky.feed.post}: {@code text}, {@code langs} and {@code created_at}. The timestamp is
 * {@code time_us} in milliseconds.
 */
final class JetstreamRecords {
    static final String POST = "app.bsky.feed.post";

    private JetstreamRecords() {
    }

    /** The event's time in unix microseconds. @throws BadRecordException if it has none */
    static long timeUs(Record event) {
        if (event.get("time_us") instanceof Long t) {
            return t;
        }
        throw new BadRecordException("not a Jetstream event: no whole-number time_us");
    }

    /** Identifies a commit's record change across Jetstream instances (their time_us differ). */
    static String identity(Record event) {
        Map<?, ?> commit = commit(event);
        return event.get("did") + "|" + commit.get("rev") + "|" + commit.get("collection") + "|" + commit.get("rkey")
                + "|" + commit.get("operation");
    }

    /** @throws BadRecordException if the event is not a commit with a collection and rkey */
    static Record toRecord(Record event) {
        Map<?, ?> commit = commit(event);
        long timeUs = timeUs(event);
        String did = text(event.get("did"));
        String collection = text(commit.get("collection"));
        String rkey = text(commit.get("rkey"));
        if (did == null || collection == null || rkey == null) {
            throw new BadRecordException("a Jetstream commit needs did, commit.collection and commit.rkey");
        }
        Map<?, ?> content = commit.get("record") instanceof Map<?, ?> m ? m : null;
        Record.Builder b = Record.builder()
                .field("did", did)
                .field("time_us", timeUs)
                .field("kind", "commit")
                .field("operation", text(commit.get("operation")))
                .field("collection", collection)
                .field("rkey", rkey)
                .field("rev", text(commit.get("rev")))
                .field("cid", text(commit.get("cid")))
                .field("uri", "at://" + did + "/" + collection + "/" + rkey)
                .field("record", content);
        if (POST.equals(collection)) {
            b.field("text", content == null ? null : text(content.get("text")));
            b.field("langs", content == null ? null : content.get("langs"));
            b.field("created_at", content == null ? null : text(content.get("createdAt")));
        }
        return b.timestamp(timeUs / 1000).position("jetstream:" + timeUs).build();
    }

    private static Map<?, ?> commit(Record event) {
        if (!"commit".equals(event.get("kind")) || !(event.get("commit") instanceof Map<?, ?> commit)) {
            throw new BadRecordException("not a Jetstream commit event");
        }
        return commit;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
