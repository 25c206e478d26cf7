package io.sluice.platform.pipeline.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the closest known name for a misspelt one, by edit (Levenshtein) distance. */
public final class DidYouMean {
    private DidYouMean() {
    }

    /**
     * The candidate closest to {@code input}, if it is close enough to be a likely typo: at most
     * a third of the input's length (and at least one) edits away, ignoring case. Ties go to the
     * candidate that comes first.
     */
    public static Optional<String> closest(String input, Collection<String> candidates) {
        String needle = input.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, needle.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(needle, candidate.toLowerCase(Locale.ROOT));
            if (d <= limit && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The tail of an "unknown X" message: {@code " (did you mean 'y'?)"} when a candidate is
     * close, else {@code "; <label>: a, b, c"}, or empty when there are no candidates at all.
     */
    public static String hint(String input, Collection<String> candidates, String label) {
        Optional<String> closest = closest(input, candidates);
        if (closest.isPresent()) {
            return " (did you mean '" + closest.get() + "'?)";
        }
        return candidates.isEmpty() ? "" : "; " + label + ": " + String.join(", ", candidates);
    }

    /**
     * The Levenshtein distance (insertions, deletions, substitutions), also counting a swap of
     * two adjacent characters as one edit ({@code tpye} is one edit from {@code type}).
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
