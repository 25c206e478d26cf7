package io.sluice.platform.stream;

import io.sluice.platform.engine.HashShuffleNode;
import io.sluice.platform.engine.NarrowNode;
import io.sluice.platform.engine.Node;
import io.sluice.platform.engine.OperatorStep;
import io.sluice.platform.engine.SinkOutput;
import io.sluice.platform.engine.Steps;
import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.format.RecordFormat;
import io.sluice.spi.operator.Operator;
import io.sluice.spi.operator.OperatorFactory;
import io.sluice.spi.sink.Sink;
import io.sluice.spi.sink.SinkFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;

/**
 * A stream of SPI {@link Record}s, with the operations only records have: formats, keying by field,
 * SPI operators and sinks, and keyed aggregation by {@link Record#key()}. Sources return one;
 * {@link #of} views any {@code DStream<Record>} as one. This is what the YAML compiler builds
 * pipelines with.
 *
 * <pre>{@code
 * RecordStream events = ctx.source("sensors", generator, generatorConfig).parse("json");
 * events.keyByField("bus")
 *       .apply("alerts", filterFactory, filterConfig)
 *       .to("alerts-out", consoleSink, consoleConfig);
 * }</pre>
 */
public final class RecordStream extends DStream<Record> {

    RecordStream(StreamingContext context, Node<Record> node) {
        super(context, node);
    }

    /** Views a stream of records as a record stream. */
    public static RecordStream of(DStream<Record> stream) {
        return stream instanceof RecordStream records ? records : new RecordStream(stream.context, stream.node);
    }

    /**
     * Decodes each record's payload into fields with the context's format {@code format} (looked up
     * now). The key, headers, position and (if the format sets none) timestamp are kept. A record
     * without payload or with undecodable payload goes to the error reporter.
     *
     * @throws io.sluice.spi.config.ConfigException if the context has no such format
     */
    public RecordStream parse(String format) {
        return parse(context.format(format));
    }

    public RecordStream parse(RecordFormat format) {
        Objects.requireNonNull(format, "format");
        return narrow("parse", record -> {
            if (!record.hasPayload()) {
                throw new BadRecordException("no payload to parse as " + format.name());
            }
            Record decoded = format.decode(record.payload());
            if (record.key() == null && record.timestamp() == 0 && record.headers().isEmpty()
                    && record.position() == null) {
                return decoded;
            }
            Record.Builder b = decoded.toBuilder().key(record.key()).position(record.position());
            if (decoded.timestamp() == 0) {
                b.timestamp(record.timestamp());
            }
            if (!record.headers().isEmpty()) {
                b.headers(record.headers());
            }
            return b.build();
        });
    }

    /** Encodes each record's fields into its payload with the context's format {@code format}. */
    public RecordStream format(String format) {
        return format(context.format(format));
    }

    public RecordStream format(RecordFormat format) {
        Objects.requireNonNull(format, "format");
        return narrow("format", record -> {
            Record.Builder b = Record.builder().key(record.key()).payload(format.encode(record))
                    .timestamp(record.timestamp()).position(record.position());
            if (!record.headers().isEmpty()) {
                b.headers(record.headers());
            }
            return b.build();
        });
    }

    /** Sets each record's key to the value of {@code field}; records without the field are bad records. */
    public RecordStream keyByField(String field) {
        Objects.requireNonNull(field, "field");
        return narrow("key-by", record -> {
            Object key = record.get(field);
            if (key == null) {
                throw new BadRecordException("no value in field '" + field + "' to key by");
            }
            return record.toBuilder().key(key).build();
        });
    }

    /** Applies an operator created by {@code factory} from {@code config}; see {@link #apply(String, Operator, boolean, Config)}. */
    public RecordStream apply(String name, OperatorFactory factory, Config config) {
        return apply(name, factory.create(config), factory.keyed(), config);
    }

    /**
     * Applies an SPI operator as a step named {@code name}: opened at start with a component context
     * named {@code name} holding {@code config}, called per record with the batch and partition,
     * closed at stop. A keyed operator's input is first shuffled by {@link Record#key()} (records
     * without key go to the error reporter) and {@code OperatorContext.state()} is the key's state,
     * kept per partition across batches and committed with the batch.
     */
    public RecordStream apply(String name, Operator operator, boolean keyed, Config config) {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(config, "config");
        int partitions = context.shufflePartitions();
        Node<Record> input = keyed
                ? new HashShuffleNode<>(node, Record::key, partitions,
                        "a record without key reached keyed operator '" + name + "': add key-by before it")
                : node;
        OperatorStep step = keyed ? OperatorStep.keyed(operator, config, partitions)
                : OperatorStep.stateless(operator, config);
        NarrowNode<Record, Record> applied = new NarrowNode<>("operator", input, step);
        applied.rename(name);
        return new RecordStream(context, applied);
    }

    /**
     * Per batch, combines the records of each key ({@link Record#key()}, {@code null} included) with
     * {@code reduce}; output records carry their key.
     */
    public RecordStream reduceByKey(BinaryOperator<Record> reduce) {
        return rekey(keyBy(Record::key).reduceByKey(reduce));
    }

    /**
     * Spark's {@code updateStateByKey} over records keyed by {@link Record#key()}: see
     * {@link PairDStream#updateStateByKey}. Output records (the states) carry their key.
     */
    public RecordStream updateStateByKey(BiFunction<List<Record>, Optional<Record>, Optional<Record>> update) {
        return rekey(keyBy(Record::key).updateStateByKey(update));
    }

    /**
     * Every {@code slide}, each key's records over the last {@code length} combined with
     * {@code reduce}; with an {@code inverse} (which undoes {@code reduce}), incrementally, keys
     * staying with their neutral value once seen (Spark's {@code reduceByKeyAndWindow}). Output
     * records carry their key.
     *
     * @param inverse undoes {@code reduce}, or {@code null} for the plain (non-incremental) form
     */
    public RecordStream reduceByKeyAndWindow(BinaryOperator<Record> reduce, BinaryOperator<Record> inverse,
            Duration length, Duration slide) {
        PairDStream<Object, Record> keyed = keyBy(Record::key);
        return rekey(inverse == null ? keyed.reduceByKeyAndWindow(reduce, length, slide)
                : keyed.reduceByKeyAndWindow(reduce, inverse, length, slide));
    }

    /**
     * Joins with {@code other} on {@link Record#key()} in each batch (a window of {@code other}
     * joins the recent past). Each match becomes one record with the key, {@code keyField} set to
     * the key, this side's fields, then the other side's; a field of the other side whose name this
     * side's record (or {@code keyField}) already has is written as {@code clashPrefix + name}. For
     * outer joins the missing side contributes no fields. The timestamp is the later of the two.
     */
    public RecordStream join(RecordStream other, JoinType type, String keyField, String clashPrefix) {
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(keyField, "keyField");
        Objects.requireNonNull(clashPrefix, "clashPrefix");
        PairDStream<Object, Record> left = keyBy(Record::key);
        PairDStream<Object, Record> right = other.keyBy(Record::key);
        DStream<Record> joined = switch (type) {
            case INNER -> left.join(right).map(kv -> merge(kv.key(), kv.value().left(), kv.value().right(), keyField,
                    clashPrefix));
            case LEFT -> left.leftOuterJoin(right).map(kv -> merge(kv.key(), kv.value().left(),
                    kv.value().right().orElse(null), keyField, clashPrefix));
            case RIGHT -> left.rightOuterJoin(right).map(kv -> merge(kv.key(), kv.value().left().orElse(null),
                    kv.value().right(), keyField, clashPrefix));
            case FULL -> left.fullOuterJoin(right).map(kv -> merge(kv.key(), kv.value().left().orElse(null),
                    kv.value().right().orElse(null), keyField, clashPrefix));
        };
        return RecordStream.of(joined);
    }

    private static Record merge(Object key, Record left, Record right, String keyField, String clashPrefix) {
        Record.Builder out = Record.builder().key(key).field(keyField, key);
        long timestamp = 0;
        if (left != null) {
            left.fields().forEach(out::field);
            timestamp = left.timestamp();
        }
        if (right != null) {
            for (Map.Entry<String, Object> f : right.fields().entrySet()) {
                String name = f.getKey();
                boolean clash = name.equals(keyField) || left != null && left.fields().containsKey(name);
                if (name.equals(keyField) && Objects.equals(f.getValue(), key)) {
                    continue;
                }
                out.field(clash ? clashPrefix + name : name, f.getValue());
            }
            timestamp = Math.max(timestamp, right.timestamp());
        }
        return out.timestamp(timestamp).build();
    }

    /** Writes every batch to {@code sink}; see {@link #to(String, SinkFactory, Config)}. */
    public void to(String name, Sink sink, Config config) {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(config, "config");
        new SinkOutput(node, name, sink, config);
    }

    /**
     * Writes every batch to a sink created by {@code factory}: opened at start with a component
     * context named {@code name}, each partition written with the batch id (concurrently), then
     * committed once per batch, closed at stop.
     */
    public void to(String name, SinkFactory factory, Config config) {
        to(name, factory.create(config), config);
    }

    @Override
    public RecordStream filter(Predicate<? super Record> predicate) {
        return new RecordStream(context, filterNode(predicate));
    }

    @Override
    public RecordStream union(DStream<Record> other) {
        return new RecordStream(context, unionNode(other));
    }

    @Override
    public RecordStream window(Duration length) {
        return window(length, slideDuration());
    }

    @Override
    public RecordStream window(Duration length, Duration slide) {
        return new RecordStream(context, windowNode(length, slide));
    }

    @Override
    public RecordStream repartition(int partitions) {
        return new RecordStream(context, repartitionNode(partitions));
    }

    @Override
    public RecordStream named(String name) {
        super.named(name);
        return this;
    }

    private RecordStream narrow(String kind, java.util.function.Function<Record, Record> function) {
        return new RecordStream(context, new NarrowNode<>(kind, node, Steps.map(function)));
    }

    private static RecordStream rekey(PairDStream<Object, Record> pairs) {
        return RecordStream.of(pairs.map(kv -> Objects.equals(kv.value().key(), kv.key())
                ? kv.value() : kv.value().toBuilder().key(kv.key()).build()));
    }
}
