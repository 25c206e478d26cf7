package io.sluice.connectors.x;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns one filtered-stream message ({@code {"data": {...}, "includes": {...}, "matching_rules": [...]}})
 * into a tweet record with the fields {@code id}, {@code text}, {@code author_id},
 * {@code author_username}, {@code created_at}, {@code lang}, {@code hashtags}, {@code mentions},
 * {@code urls}, {@code matching_rules} (list of {@code {id, tag}}) and {@code rule_tags}. Fields X did not
 * send are {@code null} (lists are empty). The timestamp is {@code created_at}, else {@code receivedAt}.
 */
final class TweetRecords {
    private TweetRecords() {
    }

    /**
     * @throws BadRecordException if the message has no {@code data} object with an {@code id}
     */
    static Record toRecord(Record message, long receivedAt) {
        if (!(message.get("data") instanceof Map<?, ?> data) || data.get("id") == null) {
            throw new BadRecordException("not a tweet: no data object with an id");
        }
        String id = String.valueOf(data.get("id"));
        String authorId = text(data.get("author_id"));
        String createdAt = text(data.get("created_at"));
        Map<?, ?> entities = data.get("entities") instanceof Map<?, ?> m ? m : Map.of();
        List<Map<String, Object>> rules = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (Map<?, ?> rule : maps(message.get("matching_rules"))) {
            Map<String, Object> r = new java.util.LinkedHashMap<>();
            r.put("id", text(rule.get("id")));
            r.put("tag", text(rule.get("tag")));
            rules.add(r);
            if (rule.get("tag") != null) {
                tags.add(text(rule.get("tag")));
            }
        }
        return Record.builder()
                .field("id", id)
                .field("text", text(data.get("text")))
                .field("author_id", authorId)
                .field("author_username", username(message.get("includes"), authorId))
                .field("created_at", createdAt)
                .field("lang", text(data.get("lang")))
                .field("hashtags", values(entities.get("hashtags"), "tag", null))
                .field("mentions", values(entities.get("mentions"), "username", null))
                .field("urls", values(entities.get("urls"), "expanded_url", "url"))
                .field("matching_rules", rules)
                .field("rule_tags", tags)
                .timestamp(epochMillis(createdAt, receivedAt))
                .position("tweet:" + id)
                .build();
    }

    private static String username(Object includes, String authorId) {
        if (authorId == null || !(includes instanceof Map<?, ?> inc)) {
            return null;
        }
        for (Map<?, ?> user : maps(inc.get("users"))) {
            if (authorId.equals(text(user.get("id")))) {
                return text(user.get("username"));
            }
        }
        return null;
    }

    private static List<String> values(Object list, String field, String fallback) {
        List<String> out = new ArrayList<>();
        for (Map<?, ?> entity : maps(list)) {
            Object v = entity.get(field) != null ? entity.get(field) : fallback == null ? null : entity.get(fallback);
            if (v != null) {
                out.add(v.toString());
            }
        }
        return out;
    }

    private static List<Map<?, ?>> maps(Object list) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (list instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    out.add(m);
                }
            }
        }
        return out;
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
