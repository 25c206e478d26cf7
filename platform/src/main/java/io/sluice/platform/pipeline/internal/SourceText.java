package io.sluice.platform.pipeline.internal;

import io.sluice.platform.pipeline.Location;
import java.util.Arrays;

/** A pipeline file's text and name, turning character offsets into lines and columns. */
public final class SourceText {
    private final String file;
    private final String text;
    private final int[] lineStarts;

    public SourceText(String file, String text) {
        this.file = file;
        this.text = text;
        int[] starts = new int[16];
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (lines == starts.length) {
                    starts = Arrays.copyOf(starts, lines * 2);
                }
                starts[lines++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, lines);
    }

    public String file() {
        return file;
    }

    public String text() {
        return text;
    }

    /** The location of a 0-based character offset (clamped to the text). */
    public Location locate(int offset) {
        int index = Math.max(0, Math.min(offset, text.length()));
        int line = Arrays.binarySearch(lineStarts, index);
        if (line < 0) {
            line = -line - 2;
        }
        return new Location(file, line + 1, index - lineStarts[line] + 1);
    }

    /** The location of a 1-based line and column as a parser reports it (clamped to valid values). */
    public Location at(int line, int column) {
        return new Location(file, Math.max(1, line), Math.max(1, column));
    }

    /** The start of the file. */
    public Location start() {
        return new Location(file, 1, 1);
    }

    /** Whether {@code literal} is written, exactly, at {@code offset}. */
    public boolean hasAt(int offset, String literal) {
        return offset >= 0 && text.startsWith(literal, offset);
    }

    /** The character at {@code offset}, or 0 outside the text. */
    public char charAt(int offset) {
        return offset >= 0 && offset < text.length() ? text.charAt(offset) : 0;
    }
}
