package io.sluice.connectors.generator;

import io.sluice.spi.Emitter;
import io.sluice.spi.Record;
import io.sluice.spi.source.SplitReader;

/**
 * Produces the events of a range. Stateless (each read builds lines in its own buffer), so one
 * reader serves every worker thread. Records carry the event time as their timestamp and no key.
 */
final class GeneratorReader implements SplitReader<EventRange> {
    private static final int LINE_CAPACITY = 128;

    private final Workload workload;
    private final boolean json;

    GeneratorReader(Workload workload, boolean json) {
        this.workload = workload;
        this.json = json;
    }

    @Override
    public void read(EventRange split, Emitter out) {
        if (json) {
            readJson(split, out);
        } else {
            for (long k = split.start(); k < split.end(); k++) {
                out.emit(workload.putFields(k, Record.builder()).timestamp(workload.timestamp(k)).build());
            }
        }
    }

    private void readJson(EventRange split, Emitter out) {
        LineBuffer line = new LineBuffer(LINE_CAPACITY);
        for (long k = split.start(); k < split.end(); k++) {
            line.reset();
            workload.appendJson(k, line);
            out.emit(Record.builder().payload(line.toByteArray()).timestamp(workload.timestamp(k)).build());
        }
    }
}
