package io.sluice.platform.format;

import io.sluice.spi.Record;
import io.sluice.spi.RecordSchema;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fast path of {@link JsonFormat#decode}: one flat JSON object whose names and strings are
 * plain ASCII (no escapes) and whose values are strings, whole numbers of up to 18 digits,
 * {@code true}, {@code false} or {@code null}, decoded without a parser instance, into records that
 * share their {@link RecordSchema}, with names and short strings taken from bounded caches instead
 * of allocated per record. Anything else (nesting, decimals, escapes, non-ASCII, a syntax error)
 * returns {@code null} and the caller decodes with Jackson, so results and error messages are
 * exactly Jackson's. Thread-safe: the caches are racy but hold immutable entries.
 */
final class FlatJsonDecoder {
    private static final int MAX_FIELDS = 64;
    private static final int MAX_CACHED_LENGTH = 16;
    private static final int MAX_DIGITS = 18;

    /** Names are interned: lookups by a constant such as {@code record.get("bus")} then match by identity. */
    private final AsciiCache names = new AsciiCache(1 << 10, true);
    private final AsciiCache strings = new AsciiCache(1 << 14, false);

    /** The record, or {@code null} when the input needs the full decoder. */
    Record decode(byte[] in) {
        int i = skipSpace(in, 0);
        if (i >= in.length || in[i] != '{') {
            return null;
        }
        i = skipSpace(in, i + 1);
        RecordSchema schema = RecordSchema.empty();
        Object[] values = new Object[8];
        if (i < in.length && in[i] == '}') {
            return finish(in, i + 1, schema, values);
        }
        while (true) {
            if (i >= in.length || in[i] != '"') {
                return null;
            }
            int nameEnd = plainStringEnd(in, i + 1);
            if (nameEnd < 0) {
                return null;
            }
            String name = names.get(in, i + 1, nameEnd);
            i = skipSpace(in, nameEnd + 1);
            if (i >= in.length || in[i] != ':') {
                return null;
            }
            i = skipSpace(in, i + 1);
            if (i >= in.length) {
                return null;
            }
            Object value;
            byte c = in[i];
            if (c == '"') {
                int end = plainStringEnd(in, i + 1);
                if (end < 0) {
                    return null;
                }
                value = end - i - 1 <= MAX_CACHED_LENGTH ? strings.get(in, i + 1, end)
                        : new String(in, i + 1, end - i - 1, StandardCharsets.ISO_8859_1);
                i = end + 1;
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                int end = numberEnd(in, i);
                if (end < 0) {
                    return null;
                }
                value = parseLong(in, i, end);
                i = end;
            } else if (matches(in, i, "true")) {
                value = Boolean.TRUE;
                i += 4;
            } else if (matches(in, i, "false")) {
                value = Boolean.FALSE;
                i += 5;
            } else if (matches(in, i, "null")) {
                value = null;
                i += 4;
            } else {
                return null;
            }
            RecordSchema longer = schema.withNew(name);
            if (longer == null) {
                values[schema.indexOf(name)] = value;   // a repeated name: first position, last value
            } else {
                int at = schema.size();
                if (at == MAX_FIELDS) {
                    return null;
                }
                if (at == values.length) {
                    values = Arrays.copyOf(values, at * 2);
                }
                schema = longer;
                values[at] = value;
            }
            i = skipSpace(in, i);
            if (i >= in.length) {
                return null;
            }
            if (in[i] == '}') {
                return finish(in, i + 1, schema, values);
            }
            if (in[i] != ',') {
                return null;
            }
            i = skipSpace(in, i + 1);
        }
    }

    private static Record finish(byte[] in, int i, RecordSchema schema, Object[] values) {
        if (skipSpace(in, i) != in.length) {
            return null;
        }
        return Record.builder().fields(schema, values).build();
    }

    private static int skipSpace(byte[] in, int i) {
        while (i < in.length && (in[i] == ' ' || in[i] == '\n' || in[i] == '\r' || in[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** The index of the closing quote of a string of printable ASCII without escapes, or -1. */
    private static int plainStringEnd(byte[] in, int i) {
        for (; i < in.length; i++) {
            byte b = in[i];
            if (b == '"') {
                return i;
            }
            if (b == '\\' || b < 0x20) {   // escapes; control characters; bytes >= 0x80 are negative
                return -1;
            }
        }
        return -1;
    }

    /** The end of a JSON integer of at most 18 digits (no fraction, no exponent), or -1. */
    private static int numberEnd(byte[] in, int i) {
        int start = in[i] == '-' ? i + 1 : i;
        int j = start;
        while (j < in.length && in[j] >= '0' && in[j] <= '9') {
            j++;
        }
        int digits = j - start;
        if (digits == 0 || digits > MAX_DIGITS || (digits > 1 && in[start] == '0')) {
            return -1;
        }
        if (j < in.length && (in[j] == '.' || in[j] == 'e' || in[j] == 'E')) {
            return -1;
        }
        return j;
    }

    private static Long parseLong(byte[] in, int from, int to) {
        boolean negative = in[from] == '-';
        long v = 0;
        for (int i = negative ? from + 1 : from; i < to; i++) {
            v = v * 10 + (in[i] - '0');
        }
        return negative ? -v : v;
    }

    private static boolean matches(byte[] in, int i, String word) {
        if (i + word.length() > in.length) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (in[i + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A 4-way set-associative cache of ASCII strings by their bytes: a hit returns the same instance
     * (no allocation, and identity-equal keys downstream); a miss fills a free way of its set, or
     * replaces the last. Bounded whatever the data; a few thousand distinct values (bus ids) fit
     * without evicting each other, which a direct-mapped table did not manage.
     */
    private static final class AsciiCache {
        private static final int WAYS = 4;

        private final Entry[] slots;
        private final int mask;
        private final boolean intern;

        AsciiCache(int size, boolean intern) {
            this.slots = new Entry[size];
            this.mask = size - 1;
            this.intern = intern;
        }

        String get(byte[] in, int from, int to) {
            int h = 1;
            for (int i = from; i < to; i++) {
                h = 31 * h + in[i];
            }
            int set = ((h * 0x9E3779B9) >>> 16) & mask & ~(WAYS - 1);
            for (int way = 0; way < WAYS; way++) {
                Entry e = slots[set + way];
                if (e == null) {
                    break;
                }
                if (e.hash == h && sameBytes(e.bytes, in, from, to)) {
                    return e.value;
                }
            }
            byte[] bytes = Arrays.copyOfRange(in, from, to);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            String value = intern ? text.intern() : text;
            int way = 0;
            while (way < WAYS - 1 && slots[set + way] != null) {
                way++;
            }
            slots[set + way] = new Entry(h, bytes, value);   // the first free way, else the last
            return value;
        }

        /** A plain loop: these are a few bytes, where the vectorized {@code Arrays.equals} costs more than it saves. */
        private static boolean sameBytes(byte[] cached, byte[] in, int from, int to) {
            if (cached.length != to - from) {
                return false;
            }
            for (int i = 0; i < cached.length; i++) {
                if (cached[i] != in[from + i]) {
                    return false;
                }
            }
            return true;
        }

        private record Entry(int hash, byte[] bytes, String value) {
        }
    }
}
