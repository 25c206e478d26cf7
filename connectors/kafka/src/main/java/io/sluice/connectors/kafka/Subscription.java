package io.sluice.connectors.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which partitions the source reads, looked up again on every plan so that new partitions, and new topics
 * matching a pattern, are picked up. A listed topic that does not exist (yet) has no partitions.
 */
final class Subscription {
    private static final Logger log = LoggerFactory.getLogger(Subscription.class);

    private final List<String> topics;
    private final Pattern pattern;
    private final java.util.Set<String> reportedMissing = new java.util.HashSet<>();

    private Subscription(List<String> topics, Pattern pattern) {
        this.topics = topics;
        this.pattern = pattern;
    }

    static Subscription ofTopics(List<String> topics) {
        return new Subscription(List.copyOf(topics), null);
    }

    static Subscription ofPattern(String regex) {
        return new Subscription(null, Pattern.compile(regex));
    }

    /** Every partition of the subscribed topics that exist now, sorted by topic and partition. */
    List<TopicPartition> partitions(Admin admin, Duration timeout) {
        Set<String> existing = KafkaFailures.await(admin.listTopics(new ListTopicsOptions().listInternal(false)).names(),
                timeout, "listing topics");
        Collection<String> wanted;
        if (pattern != null) {
            wanted = existing.stream().filter(t -> pattern.matcher(t).matches()).toList();
        } else {
            wanted = topics.stream().filter(existing::contains).toList();
            for (String t : topics) {
                if (!existing.contains(t) && reportedMissing.add(t)) {
                    log.warn("topic {} does not exist (yet): nothing planned for it until it does", t);
                }
            }
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        Map<String, TopicDescription> described = KafkaFailures.await(admin.describeTopics(wanted).allTopicNames(),
                timeout, "describing topics " + wanted);
        List<TopicPartition> partitions = new ArrayList<>();
        for (TopicDescription d : described.values()) {
            for (TopicPartitionInfo p : d.partitions()) {
                partitions.add(new TopicPartition(d.name(), p.partition()));
            }
        }
        partitions.sort(PartitionOffsets.ORDER);
        return partitions;
    }

    @Override
    public String toString() {
        return pattern != null ? "topics matching " + pattern : "topics " + topics;
    }
}
