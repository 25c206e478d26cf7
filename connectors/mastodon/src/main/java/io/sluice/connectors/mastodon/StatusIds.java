package io.sluice.connectors.mastodon;

import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * The statuses already stored, to resume from and to drop repeats: the newest id seen and the last
 * {@value #REMEMBERED} ids. Mastodon ids are decimal strings that grow with time; they compare as
 * numbers (shorter is smaller). Not thread-safe: the receiver thread alone uses it.
 */
final class StatusIds {
    static final int REMEMBERED = 10_000;
    static final Comparator<String> ORDER = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private final LinkedHashSet<String> recent = new LinkedHashSet<>();
    private String newest;

    /** Records {@code id} as stored; returns false if it was already. */
    boolean add(String id) {
        if (!recent.add(id)) {
            return false;
        }
        if (recent.size() > REMEMBERED) {
            Iterator<String> oldest = recent.iterator();
            oldest.next();
            oldest.remove();
        }
        if (newest == null || ORDER.compare(id, newest) > 0) {
            newest = id;
        }
        return true;
    }

    boolean seen(String id) {
        return recent.contains(id);
    }

    /** The newest id stored, or {@code null} before the first. */
    String newest() {
        return newest;
    }
}
