package io.sluice.spi.testkit;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.Record;
import io.sluice.spi.sink.Sink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kit's own sink fixture: keeps committed batches in a shared map (the "destination" that
 * outlives a sink instance), keyed by batch id so that a batch run again replaces itself; and, to
 * prove {@link SinkContract} can fail, each way of breaking a rule ({@link Fault}).
 */
final class ListSink implements Sink {
    /** One way of breaking the sink contract. */
    enum Fault { NONE, VISIBLE_BEFORE_COMMIT, APPENDS_ON_EVERY_COMMIT }

    private final Map<Long, List<Record>> destination;
    private final Fault fault;
    private final Map<Long, Map<Integer, List<Record>>> pending = new ConcurrentHashMap<>();

    ListSink(Map<Long, List<Record>> destination, Fault fault) {
        this.destination = destination;
        this.fault = fault;
    }

    /** Everything committed, in batch order then output order. */
    static List<Record> visible(Map<Long, List<Record>> destination) {
        List<Record> all = new ArrayList<>();
        new TreeMap<>(destination).values().forEach(all::addAll);
        return all;
    }

    @Override
    public void open(ComponentContext context) {
    }

    @Override
    public void write(BatchInfo batch, int partition, List<Record> records) {
        if (fault == Fault.VISIBLE_BEFORE_COMMIT) {
            destination.computeIfAbsent(-batch.id() * 1000 - partition, k -> new ArrayList<>()).addAll(records);
        }
        pending.computeIfAbsent(batch.id(), id -> new ConcurrentHashMap<>()).put(partition, List.copyOf(records));
    }

    @Override
    public void commit(BatchInfo batch) {
        List<Record> out = new ArrayList<>();
        new TreeMap<>(pending.remove(batch.id())).values().forEach(out::addAll);
        if (fault == Fault.APPENDS_ON_EVERY_COMMIT) {
            destination.merge(batch.id(), out, (a, b) -> {
                List<Record> both = new ArrayList<>(a);
                both.addAll(b);
                return both;
            });
        } else {
            destination.put(batch.id(), out);
        }
    }

    @Override
    public void close() {
    }
}
