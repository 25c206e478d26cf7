package io.sluice.connectors.kafka;

import java.time.Duration;
import org.apache.kafka.common.IsolationLevel;

/** What the planner needs from the source's configuration. */
record PlannerSettings(Subscription subscription, StartingOffsets starting, IsolationLevel isolation,
                       long maxPerPartition, String onOutOfRange, Duration timeout) {
}
