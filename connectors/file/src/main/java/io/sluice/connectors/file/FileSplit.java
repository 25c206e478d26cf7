package io.sluice.connectors.file;

/**
 * A split of the file source: the bytes {@code [start, end)} of one file, starting at the beginning
 * of line {@code firstLine} and ending just after a line break. Immutable.
 *
 * @param path      the file, absolute and normalized
 * @param start     offset of the first byte
 * @param end       offset just past the last line break
 * @param firstLine the 1-based number of the line at {@code start}, for error reports
 */
record FileSplit(String path, long start, long end, long firstLine) {
    FileSplit {
        if (start < 0 || end < start || firstLine < 1) {
            throw new IllegalArgumentException("bad file split " + path + " [" + start + ", " + end + ") line " + firstLine);
        }
    }

    @Override
    public String toString() {
        return path + "[" + start + ", " + end + ") from line " + firstLine;
    }
}
