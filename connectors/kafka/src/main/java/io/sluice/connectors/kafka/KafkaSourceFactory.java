package io.sluice.connectors.kafka;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigException;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.config.Validators;
import io.sluice.spi.source.Source;
import io.sluice.spi.source.SourceFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.pf4j.Extension;

/**
 * The {@code kafka} source type: replayable, Spark's direct stream. Each batch reads a planned offset
 * range of every subscribed partition; the ranges are recorded with the batch, so a batch run again reads
 * exactly the same records. Offsets are committed to the consumer group once a batch has completed, for
 * lag monitoring; the pipeline's own position is what it resumes from.
 *
 * <pre>{@code
 * sources:
 *   sensors:
 *     type: kafka
 *     bootstrap-servers: [localhost:9092]
 *     topics: [bus-events]            # or topic-pattern: "bus-.*"
 *     group-id: bus-occupancy
 *     starting-offsets: earliest      # latest, committed or timestamp (+ starting-timestamp)
 *     max-records-per-partition: 100000
 *     value-format: json              # string (field 'value') or bytes (payload)
 * }</pre>
 */
@Extension
public final class KafkaSourceFactory implements SourceFactory {
    static final String EARLIEST = "earliest";
    static final String LATEST = "latest";
    static final String COMMITTED = "committed";
    static final String TIMESTAMP = "timestamp";
    static final String FAIL = "fail";
    static final String READ_COMMITTED = "read_committed";

    static final ConfigKey<List<String>> TOPICS = ConfigKey.stringList("topics")
            .description("The topics to read (all their partitions; partitions added later are read from their "
                    + "start). Set this or topic-pattern.")
            .example("[bus-events]")
            .validate(Validators.notEmpty())
            .build();
    static final ConfigKey<String> TOPIC_PATTERN = ConfigKey.string("topic-pattern")
            .description("A Java regular expression: every topic whose whole name matches is read, including topics "
                    + "created while the pipeline runs (picked up by the next batch, read from their start). Set this "
                    + "or topics.")
            .example("bus-.*")
            .validate(Validators.described("a regular expression", KafkaSourceFactory::checkPattern))
            .build();
    static final ConfigKey<String> GROUP_ID = ConfigKey.string("group-id")
            .description("The consumer group the offsets of completed batches are committed to, for lag monitoring "
                    + "and for starting-offsets: committed. Default: sluice-PIPELINE-SOURCE.")
            .example("bus-occupancy")
            .validate(Validators.notEmpty())
            .build();
    static final ConfigKey<String> STARTING_OFFSETS = ConfigKey.oneOf("starting-offsets", EARLIEST, LATEST, COMMITTED, TIMESTAMP)
            .description("Where a partition is first read from when the pipeline has no position for it (a first "
                    + "start): earliest, latest, committed (the group's committed offset, else auto-offset-reset) or "
                    + "timestamp (the first offset at or after starting-timestamp). Partitions that appear later are "
                    + "read from their start.")
            .defaultValue(COMMITTED)
            .build();
    static final ConfigKey<String> STARTING_TIMESTAMP = ConfigKey.string("starting-timestamp")
            .description("For starting-offsets: timestamp, an ISO-8601 instant or epoch milliseconds.")
            .example("2026-11-30T08:00:00Z")
            .validate(Validators.described("an ISO-8601 instant or epoch milliseconds", KafkaSourceFactory::parseTimestamp))
            .build();
    static final ConfigKey<String> AUTO_OFFSET_RESET = ConfigKey.oneOf("auto-offset-reset", EARLIEST, LATEST)
            .description("For starting-offsets: committed, where a partition without a committed offset starts.")
            .defaultValue(LATEST)
            .build();
    static final ConfigKey<Long> MAX_RECORDS_PER_PARTITION = ConfigKey.longValue("max-records-per-partition")
            .description("At most this many offsets of one partition per batch: the rate limit, and what lets a "
                    + "backlog be worked off in batches of a bounded size.")
            .defaultValue(100_000L)
            .validate(Validators.atLeast(1))
            .build();
    static final ConfigKey<String> ISOLATION_LEVEL = ConfigKey.oneOf("isolation-level", READ_COMMITTED, "read_uncommitted")
            .description("read_committed: only committed transactional records are planned and read (aborted ones "
                    + "and transaction markers are skipped); read_uncommitted: everything, as soon as written.")
            .defaultValue(READ_COMMITTED)
            .build();
    static final ConfigKey<String> ON_OFFSET_OUT_OF_RANGE = ConfigKey.oneOf("on-offset-out-of-range", FAIL, EARLIEST, LATEST)
            .description("When offsets to read were already removed by retention (or the partition was truncated): "
                    + "fail (stop with an error naming the partition and offsets), earliest (skip to the oldest "
                    + "offset still there: the removed records are lost) or latest (skip to the end).")
            .defaultValue(FAIL)
            .build();
    static final ConfigKey<String> KEY_FORMAT = ConfigKey.oneOf("key-format", RecordDecoder.STRING, RecordDecoder.BYTES, RecordDecoder.JSON)
            .description("How the Kafka key becomes the record key: string (UTF-8 text), bytes (the array as is; "
                    + "arrays compare by identity, so key-by a field before keyed steps) or json (an object's fields "
                    + "as a map).")
            .defaultValue(RecordDecoder.STRING)
            .build();
    static final ConfigKey<String> VALUE_FORMAT = ConfigKey.oneOf("value-format", RecordDecoder.JSON, RecordDecoder.STRING, RecordDecoder.BYTES)
            .description("How the Kafka value becomes the record: json (an object's fields; invalid JSON goes to the "
                    + "error reporter with its topic, partition and offset, and reading goes on), string (UTF-8 text "
                    + "in the field 'value') or bytes (the payload).")
            .defaultValue(RecordDecoder.JSON)
            .build();
    static final ConfigKey<Boolean> METADATA_FIELDS = ConfigKey.bool("metadata-fields")
            .description("Add the fields topic, partition, offset and timestamp (each prefixed with metadata-prefix) "
                    + "to every record.")
            .defaultValue(true)
            .build();
    static final ConfigKey<String> METADATA_PREFIX = ConfigKey.string("metadata-prefix")
            .description("Prefix of the metadata fields, e.g. kafka_ gives kafka_topic, kafka_offset, ...")
            .defaultValue("")
            .example("kafka_")
            .build();
    static final ConfigKey<Duration> READ_TIMEOUT = ConfigKey.duration("read-timeout")
            .description("A split that makes no progress for this long (brokers unreachable) fails its batch with "
                    + "a retriable error; the engine runs the batch again after a backoff.")
            .defaultValue(Duration.ofSeconds(30))
            .validate(Validators.positive())
            .build();
    static final ConfigKey<Integer> MAX_POLL_RECORDS = ConfigKey.integer("max-poll-records")
            .description("Records a reader fetches per poll.")
            .defaultValue(5000)
            .validate(Validators.atLeast(1))
            .build();

    static final ConfigSpec SPEC = ConfigSpec.of(ClientKeys.BOOTSTRAP_SERVERS, TOPICS, TOPIC_PATTERN, GROUP_ID,
            STARTING_OFFSETS, STARTING_TIMESTAMP, AUTO_OFFSET_RESET, MAX_RECORDS_PER_PARTITION, ISOLATION_LEVEL,
            ON_OFFSET_OUT_OF_RANGE, KEY_FORMAT, VALUE_FORMAT, METADATA_FIELDS, METADATA_PREFIX, READ_TIMEOUT,
            MAX_POLL_RECORDS, ClientKeys.REQUEST_TIMEOUT, ClientKeys.PROPERTIES);

    @Override
    public String type() {
        return "kafka";
    }

    @Override
    public String description() {
        return "Reads Kafka topics (a list or a pattern) replayably: each batch is an offset range per partition, "
                + "recorded with the batch; offsets are committed to the consumer group after each completed batch.";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    /**
     * @throws ConfigException unless exactly one of topics and topic-pattern is set, or when
     *                         starting-offsets: timestamp has no starting-timestamp
     */
    @Override
    public Source create(Config config) {
        if (config.isSet(TOPICS) == config.isSet(TOPIC_PATTERN)) {
            throw new ConfigException("set exactly one of 'topics' and 'topic-pattern'");
        }
        if (TIMESTAMP.equals(config.get(STARTING_OFFSETS)) && !config.isSet(STARTING_TIMESTAMP)) {
            throw new ConfigException("starting-offsets: timestamp needs 'starting-timestamp'");
        }
        return new KafkaSource(config);
    }

    private static void checkPattern(String regex) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw ConfigException.at(Math.max(0, e.getIndex()), "not a regular expression: " + e.getDescription());
        }
    }

    /**
     * @throws ConfigException if {@code text} is neither an ISO-8601 instant nor epoch milliseconds
     */
    static long parseTimestamp(String text) {
        String s = text.trim();
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(s);
        }
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new ConfigException("must be an ISO-8601 instant (2026-11-30T08:00:00Z) or epoch milliseconds, got '" + s + "'");
        }
    }
}
