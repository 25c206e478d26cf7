package com.example.stamp;

import io.sluice.spi.Emitter;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.operator.Operator;
import io.sluice.spi.operator.OperatorContext;
import io.sluice.spi.operator.OperatorFactory;
import org.pf4j.Extension;

/**
 * A plugin as a third party writes it: compiled against the sluice-spi jar alone (and pf4j for
 * {@code @Extension}), packaged as a jar whose manifest carries Plugin-Id, Plugin-Version and
 * Plugin-Requires, and dropped into plugins/. Used in YAML as {@code - stamp: acme}.
 */
@Extension
public final class StampOperatorFactory implements OperatorFactory {
    static final ConfigKey<String> BY = ConfigKey.string("by")
            .description("Who stamps the records: written to the field stamped-by.")
            .example("acme")
            .required()
            .build();
    static final ConfigSpec SPEC = ConfigSpec.of(BY).withShorthand(BY);

    @Override
    public String type() {
        return "stamp";
    }

    @Override
    public String description() {
        return "Adds the fields stamped-by and stamped-in-batch to every record.";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public Operator create(Config config) {
        String by = config.get(BY);
        return new Operator() {
            @Override
            public void process(Record record, OperatorContext context, Emitter out) {
                out.emit(record.toBuilder()
                        .field("stamped-by", by)
                        .field("stamped-in-batch", context.batch().id())
                        .field("loader", Thread.currentThread().getContextClassLoader() == StampOperatorFactory.class.getClassLoader()
                                ? "plugin" : "other")
                        .build());
            }
        };
    }
}
