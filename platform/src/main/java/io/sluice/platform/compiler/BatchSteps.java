package io.sluice.platform.compiler;

import io.sluice.platform.pipeline.BuiltinStep;
import io.sluice.platform.pipeline.BuiltinStepDefinition;
import io.sluice.platform.stream.KeyValue;
import io.sluice.platform.stream.PairDStream;
import io.sluice.platform.stream.RecordStream;
import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The steps of pipeline files that need no key: {@code flat-map} (Spark's flatMap, and on a keyed
 * stream its flatMapValues: keys are kept), {@code count} and {@code reduce} (one record per batch).
 */
final class BatchSteps {
    private BatchSteps() {
    }

    /**
     * {@code flat-map}: each record becomes one record per element of its list field (or piece of
     * its string field, split by the regular expression), the element in field {@code as}.
     */
    static RecordStream flatMap(RecordStream stream, BuiltinStepDefinition step) {
        String field = step.config().get(BuiltinStep.EXPLODED_FIELD);
        String as = step.config().find(BuiltinStep.ELEMENT_FIELD).orElse(field);
        Pattern split = step.config().find(BuiltinStep.SPLIT).map(Pattern::compile).orElse(null);
        return RecordStream.of(stream.flatMap(record -> {
            List<?> elements = elements(record, field, split);
            List<Record> out = new ArrayList<>(elements.size());
            for (Object element : elements) {
                out.add(record.toBuilder().field(as, element).build());
            }
            return out;
        }));
    }

    private static List<?> elements(Record record, String field, Pattern split) {
        Object value = record.get(field);
        if (value == null) {
            throw new BadRecordException("no value in field '" + field + "' to flat-map");
        }
        if (split == null) {
            if (value instanceof List<?> list) {
                return list;
            }
            throw new BadRecordException("flat-map needs a list in field '" + field + "' (or split: REGEX for a "
                    + "string), got " + value.getClass().getSimpleName() + " '" + value + "'");
        }
        if (!(value instanceof String text)) {
            throw new BadRecordException("flat-map splits a string, but field '" + field + "' holds "
                    + value.getClass().getSimpleName() + " '" + value + "'");
        }
        List<String> pieces = new ArrayList<>();
        for (String piece : split.split(text)) {
            if (!piece.isEmpty()) {
                pieces.add(piece);
            }
        }
        return pieces;
    }

    /** {@code count}: Spark's count, one record {count: n} per batch (0 for an empty batch). */
    static RecordStream count(RecordStream stream) {
        return RecordStream.of(stream.count().map(n -> Record.builder().field(BuiltinStep.COUNT_FIELD, n).build()));
    }

    /**
     * {@code reduce}: per batch, the aggregates of every record as one record without key (Spark's
     * reduce); nothing for an empty batch. Folded into the aggregator's accumulators partition by
     * partition, then merged in partition order, as {@code reduce-by-key} does for one key.
     */
    static RecordStream reduce(RecordStream stream, Aggregator aggregator) {
        PairDStream<Integer, Record> checked = stream.mapToPair(record -> {
            aggregator.check(record);
            return new KeyValue<Integer, Record>(0, record);
        });
        checked.named(checked.name().replace("map-to-pair", "reduce")); // records it cannot aggregate are reduce's bad records
        return RecordStream.of(checked.combineByKey(aggregator::create, aggregator::add, aggregator::merge, 1)
                .map(kv -> aggregator.toRecord(null, kv.value())));
    }
}
