package io.sluice.platform.durability.codec;

import io.sluice.spi.RecordSchema;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct schemas of one block, numbered in order of first use. Records of a stream mostly
 * share one schema instance, so the last one found is checked first, then a short scan, then (for
 * blocks of many layouts) a map by identity. Not thread-safe: one per block.
 */
final class SchemaTable {
    /** Schemas found by a scan before the table switches to a map. */
    private static final int SCAN_LIMIT = 8;

    private final List<RecordSchema> schemas = new ArrayList<>(4);
    private Map<RecordSchema, Integer> many;
    private RecordSchema last;
    private int lastIndex;

    /** The number of {@code schema}, given it the first time it is seen. */
    int indexOf(RecordSchema schema) {
        if (schema == last) {
            return lastIndex;
        }
        int index = find(schema);
        if (index < 0) {
            index = schemas.size();
            schemas.add(schema);
            if (many != null) {
                many.put(schema, index);
            } else if (schemas.size() > SCAN_LIMIT) {
                many = new IdentityHashMap<>();
                for (int s = 0; s < schemas.size(); s++) {
                    many.put(schemas.get(s), s);
                }
            }
        }
        last = schema;
        lastIndex = index;
        return index;
    }

    private int find(RecordSchema schema) {
        if (many != null) {
            return many.getOrDefault(schema, -1);
        }
        for (int s = 0; s < schemas.size(); s++) {
            if (schemas.get(s) == schema) {
                return s;
            }
        }
        return -1;
    }

    /** The table as a block's header has it: varint count; per schema, varint field count and the names. */
    void writeTo(BinaryOutput out) {
        out.writeVarint(schemas.size());
        for (RecordSchema schema : schemas) {
            out.writeVarint(schema.size());
            for (int i = 0; i < schema.size(); i++) {
                out.writeString(schema.name(i));
            }
        }
    }
}
