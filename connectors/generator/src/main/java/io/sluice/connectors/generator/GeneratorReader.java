package io.sluice.connectors.generator;

import io.sluice.spi.Emitter;
import io.sluice.spi.Record;
import io.sluice.spi.source.SplitReader;

/**
 * Produces the events of a range. Stateless (each line is written into its own array), so one
 * reader serves every worker thread. Records carry the event time as their timestamp and no key.
 */
final class GeneratorReader implements SplitReader<EventRange> {
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
        for (long k = split.start(); k < split.end(); k++) {
            out.emit(Record.builder().payload(workload.json(k)).timestamp(workload.timestamp(k)).build());
        }
    }
}
