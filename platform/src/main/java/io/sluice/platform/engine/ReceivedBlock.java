package io.sluice.platform.engine;

import io.sluice.spi.Record;
import java.util.List;

/**
 * What one receiver stored for one batch: the records, and the write-ahead-log entries
 * {@code [fromSequence, toSequence)} they came from (a range the batch log records, so a restart
 * re-reads exactly these records). Without a write-ahead log the sequences count store calls.
 */
public record ReceivedBlock(List<Record> records, long fromSequence, long toSequence) {
    static final ReceivedBlock EMPTY = new ReceivedBlock(List.of(), 0, 0);

    public int size() {
        return records.size();
    }
}
