package io.sluice.platform.durability.wal;

/**
 * How durable an entry is when {@link WriteAheadLog#awaitDurable} returns.
 *
 * <pre>{@code
 * FileWriteAheadLog.open(dir, WalOptions.defaults().withDurability(Durability.OS_BUFFER));
 * }</pre>
 */
public enum Durability {
    /** Forced to disk ({@code FileChannel.force(false)}): survives a power loss. */
    FSYNC,
    /** Written to the file (the OS page cache): survives the process being killed, not the machine crashing. */
    OS_BUFFER,
    /**
     * Nothing is written at all: appends get sequences, {@code awaitDurable} returns at once and
     * reads fail. Receiver data then lives in memory only and a crash loses it; the engine warns.
     */
    OFF
}
