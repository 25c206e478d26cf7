package io.sluice.connectors.bluesky;

import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * The identities of the last {@value #REMEMBERED} events stored, so the events a resumed connection
 * replays (the overlap before the cursor) are stored once. Not thread-safe: the receiver thread alone
 * uses it.
 */
final class RecentEvents {
    static final int REMEMBERED = 50_000;

    private final LinkedHashSet<String> recent = new LinkedHashSet<>();

    /** Remembers {@code identity}; returns false if it was already remembered (a repeat). */
    boolean add(String identity) {
        if (!recent.add(identity)) {
            return false;
        }
        if (recent.size() > REMEMBERED) {
            Iterator<String> oldest = recent.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }
}
