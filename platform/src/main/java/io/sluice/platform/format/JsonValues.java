package io.sluice.platform.format;

import io.sluice.spi.BadRecordException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** Field values to and from JSON tokens, by the rules of {@link JsonFormat}. */
final class JsonValues {
    private JsonValues() {
    }

    /** The value whose first token the parser is on. */
    static Object read(JsonParser parser, byte[] input) {
        JsonToken token = parser.currentToken();
        switch (token) {
            case VALUE_STRING:
                return parser.getString();
            case VALUE_NUMBER_INT:
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw JsonErrors.at("integer " + parser.getString() + " does not fit in 64 bits",
                            parser.currentTokenLocation(), input, null);
                }
                return parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case START_OBJECT:
                return readObject(parser, input);
            case START_ARRAY:
                return readArray(parser, input);
            default:
                throw JsonErrors.at("unexpected " + token, parser.currentTokenLocation(), input, null);
        }
    }

    private static Map<String, Object> readObject(JsonParser parser, byte[] input) {
        Map<String, Object> object = new LinkedHashMap<>();
        String name;
        while ((name = parser.nextName()) != null) {
            parser.nextToken();
            object.put(name, read(parser, input));
        }
        return Collections.unmodifiableMap(object);
    }

    private static List<Object> readArray(JsonParser parser, byte[] input) {
        List<Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(read(parser, input));
        }
        return Collections.unmodifiableList(array);
    }

    /** Writes one value of top-level field {@code field} (named in errors). */
    static void write(JsonGenerator out, String field, Object value) {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof Long l) {
            out.writeNumber(l.longValue());
        } else if (value instanceof Integer i) {
            out.writeNumber(i.intValue());
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new BadRecordException("field '" + field + "' is " + d + ", which JSON cannot represent");
            }
            out.writeNumber(d);
        } else if (value instanceof byte[] bytes) {
            out.writeBinary(bytes);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(out, field, map);
        } else if (value instanceof List<?> list) {
            out.writeStartArray();
            for (Object element : list) {
                write(out, field, element);
            }
            out.writeEndArray();
        } else if (value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).intValue());
        } else if (value instanceof BigInteger big) {
            out.writeNumber(big);
        } else if (value instanceof BigDecimal decimal) {
            out.writeNumber(decimal);
        } else {
            throw new BadRecordException("field '" + field + "' holds a " + value.getClass().getName()
                    + ", which the json format cannot write");
        }
    }

    private static void writeObject(JsonGenerator out, String field, Map<?, ?> map) {
        out.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String name)) {
                throw new BadRecordException("field '" + field + "' holds a map with a non-string key: " + entry.getKey());
            }
            out.writeName(name);
            write(out, field, entry.getValue());
        }
        out.writeEndObject();
    }
}
