package io.sluice.connectors.kafka;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.ConnectorException;
import io.sluice.spi.Metrics;
import io.sluice.spi.SluiceException;
import io.sluice.spi.source.SplitPlanner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans each batch as one offset range per partition with new data: from the position to the partition's
 * end (the last stable offset with read_committed), at most max-records-per-partition, and within the
 * batch's {@code maxRecords} shared fairly between partitions. Runs on the scheduler thread with an admin
 * client of its own (metadata, offsets and group commits only; records are read by {@link KafkaSplitReader}).
 * A plan that fails (brokers unreachable) changes nothing and throws a retriable error.
 */
final class KafkaPlanner implements SplitPlanner<OffsetRange> {
    private static final Logger log = LoggerFactory.getLogger(KafkaPlanner.class);

    private final Admin admin;
    private final Subscription subscription;
    private final OffsetLookup lookup;
    private final StartingOffsets starting;
    private final String onOutOfRange;
    private final long maxPerPartition;
    private final String groupId;
    private final Duration timeout;
    private final Metrics.Counter commitFailures;
    /** Per planned batch not completed yet, the offsets to commit once it completes. */
    private final TreeMap<Long, Map<TopicPartition, Long>> toCommit = new TreeMap<>();
    private PartitionOffsets next = PartitionOffsets.NONE;
    private boolean positioned;

    KafkaPlanner(Admin admin, PlannerSettings settings, Metrics metrics) {
        this.admin = admin;
        this.subscription = settings.subscription();
        this.lookup = new OffsetLookup(admin, settings.isolation(), settings.timeout());
        this.starting = settings.starting();
        this.onOutOfRange = settings.onOutOfRange();
        this.maxPerPartition = settings.maxPerPartition();
        this.groupId = settings.starting().groupId();
        this.timeout = settings.timeout();
        this.commitFailures = metrics.counter("offset_commit_failures");
    }

    @Override
    public List<OffsetRange> plan(BatchInfo batch, long maxRecords) {
        List<TopicPartition> partitions = subscription.partitions(admin, timeout);
        Map<TopicPartition, Long> positions = new HashMap<>(next.asMap());
        List<TopicPartition> fresh = partitions.stream().filter(p -> !positions.containsKey(p)).toList();
        if (!fresh.isEmpty()) {
            Map<TopicPartition, Long> start = starting.resolve(fresh, !positioned, lookup);
            log.info("{}: reading {} from offsets {}", subscription, fresh, start);
            positions.putAll(start);
        }
        Map<TopicPartition, Long> ends = lookup.ends(partitions);
        Map<TopicPartition, Long> starts = lookup.starts(partitions);
        long[] available = new long[partitions.size()];
        for (int i = 0; i < available.length; i++) {
            TopicPartition p = partitions.get(i);
            long position = inRange(p, positions.get(p), starts.get(p), ends.get(p));
            positions.put(p, position);
            available[i] = Math.min(maxPerPartition, Math.max(0, ends.get(p) - position));
        }
        long[] taken = FairShare.allocate(available, maxRecords);
        List<OffsetRange> splits = new ArrayList<>();
        for (int i = 0; i < taken.length; i++) {
            if (taken[i] > 0) {
                TopicPartition p = partitions.get(i);
                long from = positions.get(p);
                splits.add(new OffsetRange(p.topic(), p.partition(), from, from + taken[i]));
                positions.put(p, from + taken[i]);
            }
        }
        next = PartitionOffsets.of(positions);
        positioned = true;
        toCommit.put(batch.id(), next.asMap());
        return splits;
    }

    /** The position to plan from, applying on-offset-out-of-range when retention or truncation moved the log. */
    private long inRange(TopicPartition p, long position, long start, long end) {
        if (position >= start && position <= end) {
            return position;
        }
        String problem = position < start
                ? "offsets [" + position + ", " + start + ") of " + p + " were removed by retention before they were read"
                : "the next offset " + position + " of " + p + " is past its end " + end + " (topic re-created or log truncated?)";
        return switch (onOutOfRange) {
            case KafkaSourceFactory.EARLIEST -> {
                log.warn("{}; on-offset-out-of-range: earliest, continuing at offset {}", problem, start);
                yield start;
            }
            case KafkaSourceFactory.LATEST -> {
                log.warn("{}; on-offset-out-of-range: latest, continuing at offset {}", problem, end);
                yield end;
            }
            default -> throw new ConnectorException(problem + "; set on-offset-out-of-range: earliest (or latest) "
                    + "to skip to the oldest (or newest) offset still there");
        };
    }

    @Override
    public byte[] position() {
        return next.encode();
    }

    @Override
    public void restore(byte[] position) {
        next = PartitionOffsets.decode(position);
        positioned = true;
    }

    /**
     * Commits the offsets after {@code batch} to the consumer group. Only for monitoring (the pipeline resumes
     * from its own position), so a failed commit is logged and counted ({@code offset_commit_failures}) and the
     * next completed batch commits again, further on.
     */
    @Override
    public void batchCompleted(BatchInfo batch) {
        Map<TopicPartition, Long> offsets = toCommit.remove(batch.id());
        toCommit.headMap(batch.id()).clear();
        if (offsets == null || offsets.isEmpty()) {
            return;
        }
        try {
            lookup.commit(groupId, offsets);
        } catch (SluiceException e) {
            commitFailures.increment();
            log.warn("{}: could not commit the offsets of batch {} to group {} (lag tools will show the previous "
                    + "commit until a later batch commits): {}", subscription, batch.id(), groupId, e.getMessage());
        }
    }

    @Override
    public void close() {
        admin.close(timeout);
    }
}
