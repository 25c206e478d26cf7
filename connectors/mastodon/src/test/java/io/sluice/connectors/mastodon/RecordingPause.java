package io.sluice.connectors.mastodon;

import io.sluice.connectors.support.Pause;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Pause} that records each delay and returns at once, so backoff is asserted without waiting. */
final class RecordingPause implements Pause {
    final List<Duration> delays = new CopyOnWriteArrayList<>();

    @Override
    public void pause(Duration delay) {
        delays.add(delay);
    }
}
