package io.sluice.connectors.twitter4j;

import io.sluice.spi.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import twitter4j.GeoLocation;
import twitter4j.Status;

/**
 * Turns a twitter4j {@link Status} into a record with the fields {@code id}, {@code text},
 * {@code user_id}, {@code user_screen_name}, {@code created_at} (ISO-8601), {@code lang},
 * {@code hashtags}, {@code mentions}, {@code urls}, {@code retweet}, {@code latitude} and
 * {@code longitude} (null without a geo location). The timestamp is the status's creation time.
 */
final class StatusRecords {
    private StatusRecords() {
    }

    static Record toRecord(Status status, long receivedAt) {
        GeoLocation geo = status.getGeoLocation();
        long createdAt = status.getCreatedAt() == null ? receivedAt : status.getCreatedAt().getTime();
        return Record.builder()
                .field("id", Long.toString(status.getId()))
                .field("text", status.getText())
                .field("user_id", status.getUser() == null ? null : Long.toString(status.getUser().getId()))
                .field("user_screen_name", status.getUser() == null ? null : status.getUser().getScreenName())
                .field("created_at", status.getCreatedAt() == null ? null : status.getCreatedAt().toInstant().toString())
                .field("lang", status.getLang())
                .field("hashtags", texts(status.getHashtagEntities(), h -> h.getText()))
                .field("mentions", texts(status.getUserMentionEntities(), m -> m.getScreenName()))
                .field("urls", texts(status.getURLEntities(), u -> u.getExpandedURL() != null ? u.getExpandedURL() : u.getURL()))
                .field("retweet", status.isRetweet())
                .field("latitude", geo == null ? null : geo.getLatitude())
                .field("longitude", geo == null ? null : geo.getLongitude())
                .timestamp(createdAt)
                .position("status:" + status.getId())
                .build();
    }

    private static <E> List<String> texts(E[] entities, Function<E, String> text) {
        List<String> out = new ArrayList<>();
        if (entities != null) {
            for (E e : entities) {
                String t = text.apply(e);
                if (t != null) {
                    out.add(t);
                }
            }
        }
        return out;
    }
}
