package io.sluice.connectors.x;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes X's stream rules equal to the pipeline's: deletes the rules X has that the pipeline does not
 * declare (same value and tag), then adds the declared rules X lacks. Deleting first lets a rule whose
 * tag changed be added again with the same value, which X would otherwise refuse as a duplicate.
 */
final class RuleSync {
    private static final Logger log = LoggerFactory.getLogger(RuleSync.class);

    /** What one sync changed. */
    record Changes(List<String> deletedIds, List<StreamRule> added) {
    }

    private RuleSync() {
    }

    static Changes sync(XApi api, List<StreamRule> desired) throws IOException, InterruptedException {
        List<XApi.RuleOnX> existing = api.rules();
        Set<StreamRule> wanted = new HashSet<>(desired);
        Set<StreamRule> kept = new HashSet<>();
        List<String> stale = new ArrayList<>();
        for (XApi.RuleOnX rule : existing) {
            if (wanted.contains(rule.rule()) && kept.add(rule.rule())) {
                continue;
            }
            stale.add(rule.id());
        }
        List<StreamRule> missing = desired.stream().filter(r -> !kept.contains(r)).toList();
        if (!stale.isEmpty()) {
            api.delete(stale);
        }
        if (!missing.isEmpty()) {
            api.add(missing);
        }
        log.info("X stream rules synced: {} kept, {} deleted, {} added", kept.size(), stale.size(), missing.size());
        return new Changes(stale, missing);
    }
}
