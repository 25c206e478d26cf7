package io.sluice.connectors.flume;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.ErrorReporter;
import io.sluice.spi.Record;
import io.sluice.spi.format.RecordFormat;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flume.source.avro.AvroFlumeEvent;

/**
 * Turns Flume events into records: the body through the source's format ({@code bytes},
 * {@code text} or {@code json}), the headers into record headers, and the record timestamp from
 * the {@code timestamp} header (epoch milliseconds, as Flume's timestamp interceptor writes it),
 * else the time of arrival. Thread-safe.
 *
 * <pre>{@code
 * Decoded decoded = decoder.decode(events, "appendBatch");
 * context.store(decoded.records());
 * decoded.reportBadEvents(context.errors());
 * }</pre>
 */
final class FlumeEventDecoder {
    /** The header Flume's timestamp interceptor sets. */
    static final String TIMESTAMP_HEADER = "timestamp";

    private final String source;
    private final RecordFormat format;
    private final Clock clock;
    private final int maxEventSize;

    FlumeEventDecoder(ComponentContext context, FlumeSourceSettings settings) {
        this.source = context.componentName();
        this.format = context.format(settings.format());
        this.clock = context.clock();
        this.maxEventSize = settings.maxEventSize();
    }

    /** An event that did not become a record, to report once the others were stored. */
    record BadEvent(String origin, byte[] body, BadRecordException cause) {
    }

    /** The records of one call, and its events that could not be decoded. */
    record Decoded(List<Record> records, List<BadEvent> badEvents) {
        void reportBadEvents(ErrorReporter errors) {
            for (BadEvent bad : badEvents) {
                errors.reportRaw(bad.origin(), bad.body(), bad.cause());
            }
        }
    }

    Decoded decode(List<AvroFlumeEvent> events, String call) {
        List<Record> records = new ArrayList<>(events.size());
        List<BadEvent> bad = new ArrayList<>(0);
        long now = clock.millis();
        for (int i = 0; i < events.size(); i++) {
            AvroFlumeEvent event = events.get(i);
            byte[] body = bytes(event.getBody());
            try {
                records.add(toRecord(body, headers(event.getHeaders()), now));
            } catch (BadRecordException e) {
                bad.add(new BadEvent(source + " " + call + " event " + (i + 1) + " of " + events.size(), body, e));
            }
        }
        return new Decoded(records, bad);
    }

    private Record toRecord(byte[] body, Map<String, String> headers, long now) {
        if (body.length > maxEventSize) {
            throw new BadRecordException("event body of " + body.length + " bytes is larger than max-event-size "
                    + maxEventSize);
        }
        Record decoded = format.decode(body);
        Record.Builder b = decoded.toBuilder().timestamp(timestamp(headers, decoded.timestamp(), now));
        if (!headers.isEmpty()) {
            b.headers(headers);
        }
        return b.build();
    }

    private static long timestamp(Map<String, String> headers, long decoded, long now) {
        String header = headers.get(TIMESTAMP_HEADER);
        if (header != null) {
            try {
                return Long.parseLong(header.trim());
            } catch (NumberFormatException e) {
                // not epoch millis: not a timestamp we can use; the header itself is kept as is
            }
        }
        return decoded != 0 ? decoded : now;
    }

    private static byte[] bytes(ByteBuffer body) {
        ByteBuffer view = body.duplicate();
        byte[] out = new byte[view.remaining()];
        view.get(out);
        return out;
    }

    /** Avro hands header keys and values over as {@code Utf8}. */
    private static Map<String, String> headers(Map<CharSequence, CharSequence> raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<CharSequence, CharSequence> e : raw.entrySet()) {
            out.put(e.getKey().toString(), e.getValue() == null ? "" : e.getValue().toString());
        }
        return out;
    }
}
