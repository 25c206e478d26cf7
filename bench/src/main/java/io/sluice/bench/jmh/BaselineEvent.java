package io.sluice.bench.jmh;

/** The baseline's event as Jackson binds it: public fields, filled as they are read. */
public final class BaselineEvent {
    public String bus;
    public String line;
    public long stop;
    public long ts;
    public long boarded;
    public long alighted;
    public long capacity;
}
