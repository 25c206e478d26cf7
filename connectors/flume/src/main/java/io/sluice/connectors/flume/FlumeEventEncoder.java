package io.sluice.connectors.flume;

import io.sluice.spi.Record;
import io.sluice.spi.format.RecordFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flume.Event;
import org.apache.flume.event.EventBuilder;

/**
 * Turns a record into a Flume event: the body through the sink's format, the headers from the
 * record's headers, then the configured fields (as text; absent fields are left out), then the
 * record timestamp as {@code timestamp} (epoch milliseconds) unless a header already has that name.
 * Thread-safe.
 *
 * <pre>{@code
 * Event event = encoder.encode(record);   // BadRecordException if the format cannot write it
 * }</pre>
 */
final class FlumeEventEncoder {
    private final RecordFormat format;
    private final List<String> headerFields;

    FlumeEventEncoder(RecordFormat format, List<String> headerFields) {
        this.format = format;
        this.headerFields = headerFields;
    }

    /**
     * @throws io.sluice.spi.BadRecordException if the format cannot encode the record
     */
    Event encode(Record record) {
        byte[] body = format.encode(record);
        Map<String, String> headers = new LinkedHashMap<>(record.headers());
        for (String field : headerFields) {
            Object value = record.get(field);
            if (value != null) {
                headers.put(field, value.toString());
            }
        }
        if (record.timestamp() > 0) {
            headers.putIfAbsent(FlumeEventDecoder.TIMESTAMP_HEADER, Long.toString(record.timestamp()));
        }
        return EventBuilder.withBody(body, headers);
    }
}
