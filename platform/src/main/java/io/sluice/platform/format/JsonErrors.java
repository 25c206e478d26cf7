package io.sluice.platform.format;

import io.sluice.spi.BadRecordException;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * Messages for JSON that cannot be decoded: what is wrong, the line and column, and a short
 * excerpt of the input around that point. Only called on failures, so it may allocate freely.
 */
final class JsonErrors {
    private static final int EXCERPT_RADIUS = 20;

    private JsonErrors() {
    }

    static BadRecordException syntax(JacksonException e, byte[] input) {
        String message = e.getOriginalMessage();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        message = cutAt(cutAt(message, "\n"), " (start marker at [Source:");
        return at(message, e.getLocation(), input, e);
    }

    private static String cutAt(String message, String marker) {
        int at = message.indexOf(marker);
        return at >= 0 ? message.substring(0, at) : message;
    }

    static BadRecordException notAnObject(JsonToken first, byte[] input) {
        if (first == null) {
            return new BadRecordException("invalid JSON: the input is empty, expected an object");
        }
        return new BadRecordException("invalid JSON: expected an object but found " + describe(first)
                + excerpt(input, 0));
    }

    static BadRecordException at(String what, TokenStreamLocation location, byte[] input, Throwable cause) {
        StringBuilder message = new StringBuilder("invalid JSON");
        long offset = 0;
        if (location != null && location.getLineNr() > 0) {
            message.append(" at line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr());
            offset = location.getByteOffset() >= 0 ? location.getByteOffset() : location.getCharOffset();
        }
        message.append(": ").append(what).append(excerpt(input, offset));
        return new BadRecordException(message.toString(), cause);
    }

    private static String describe(JsonToken token) {
        switch (token) {
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return token.toString();
        }
    }

    /** {@code "; near: ..."} with up to {@value #EXCERPT_RADIUS} bytes either side of {@code offset}. */
    static String excerpt(byte[] input, long offset) {
        if (input.length == 0) {
            return "";
        }
        int at = (int) Math.max(0, Math.min(offset, input.length));
        int from = Math.max(0, at - EXCERPT_RADIUS);
        while (from < at && isContinuationByte(input[from])) {
            from++;
        }
        int to = Math.min(input.length, at + EXCERPT_RADIUS);
        while (to < input.length && isContinuationByte(input[to])) {
            to++;
        }
        StringBuilder text = new StringBuilder("; near: ");
        if (from > 0) {
            text.append('…');
        }
        for (char c : new String(input, from, to - from, StandardCharsets.UTF_8).toCharArray()) {
            switch (c) {
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append(c < ' ' ? '?' : c);
            }
        }
        if (to < input.length) {
            text.append('…');
        }
        return text.toString();
    }

    private static boolean isContinuationByte(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
