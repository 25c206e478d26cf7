package io.sluice.platform.durability.codec;

/**
 * The one-byte type tags of format version 1 ({@link ValueCodec#FORMAT_VERSION}). Written to disk:
 * never renumber one; a new type gets a new number (and may need a new format version).
 */
final class Tags {
    static final int NULL = 0;
    static final int FALSE = 1;
    static final int TRUE = 2;
    /** One byte. */
    static final int BYTE = 3;
    /** Two bytes, big-endian. */
    static final int SHORT = 4;
    /** Zigzag varint. */
    static final int INT = 5;
    /** Zigzag varint. */
    static final int LONG = 6;
    /** IEEE 754 bits, four bytes, big-endian. */
    static final int FLOAT = 7;
    /** IEEE 754 bits, eight bytes, big-endian. */
    static final int DOUBLE = 8;
    /** Two bytes, big-endian. */
    static final int CHAR = 9;
    /** A string (see {@link BinaryOutput}). */
    static final int STRING = 10;
    /** Varint length, bytes. */
    static final int BYTES = 11;
    /** Varint length, two's-complement big-endian bytes ({@link java.math.BigInteger#toByteArray()}). */
    static final int BIG_INTEGER = 12;
    /** Zigzag scale, then the unscaled value as {@link #BIG_INTEGER}'s body. */
    static final int BIG_DECIMAL = 13;
    /** Zigzag epoch seconds, varint nanos. */
    static final int INSTANT = 14;
    /** Zigzag seconds, varint nanos. */
    static final int DURATION = 15;
    /** Zigzag epoch day. */
    static final int LOCAL_DATE = 16;
    /** Most then least significant bits, eight bytes each, big-endian. */
    static final int UUID = 17;
    /** Enum class name and constant name, two strings. */
    static final int ENUM = 18;
    static final int OPTIONAL_EMPTY = 19;
    /** The value. */
    static final int OPTIONAL = 20;
    /** Varint count, values. */
    static final int LIST = 21;
    /** Varint count, values in iteration order. */
    static final int SET = 22;
    /** Varint count, key and value per entry in iteration order. */
    static final int MAP = 23;
    /** Varint count, values (exactly {@code Object[]}). */
    static final int OBJECT_ARRAY = 24;
    /** Varint count, zigzag varints. */
    static final int LONG_ARRAY = 25;
    /** Varint count, zigzag varints. */
    static final int INT_ARRAY = 26;
    /** Varint count, eight bytes each. */
    static final int DOUBLE_ARRAY = 27;
    /** An {@link io.sluice.spi.Record} with its field names inline (see {@link RecordEncoding}). */
    static final int RECORD = 28;
    /** Key, value. */
    static final int KEY_VALUE = 29;
    /** Class name, varint component count, component values in declaration order. */
    static final int JAVA_RECORD = 30;
    /** Type codec id (string), varint version, varint body length, body. */
    static final int CUSTOM = 31;

    private Tags() {
    }
}
