package io.sluice.platform.pipeline.internal;

/** Builds the dotted paths of problems: {@code streams.alerts.steps[0].filter}. */
public final class Paths {
    private Paths() {
    }

    public static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /**
     * Whether one path is the other or lies inside it ({@code a.b} and {@code a.b.c}, or
     * {@code a.b} and {@code a.b[0]}), segment-wise: {@code a.b} and {@code a.bc} are unrelated.
     */
    public static boolean overlap(String a, String b) {
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        if (shorter.isEmpty()) {
            return true;
        }
        if (!longer.startsWith(shorter)) {
            return false;
        }
        if (longer.length() == shorter.length()) {
            return true;
        }
        char next = longer.charAt(shorter.length());
        return next == '.' || next == '[';
    }
}
