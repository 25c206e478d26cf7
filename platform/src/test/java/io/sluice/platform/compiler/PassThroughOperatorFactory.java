package io.sluice.platform.compiler;

import io.sluice.spi.Emitter;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.operator.Operator;
import io.sluice.spi.operator.OperatorContext;
import io.sluice.spi.operator.OperatorFactory;

/** An operator type that emits every record as it is; keyed or not. */
record PassThroughOperatorFactory(String type, boolean keyed) implements OperatorFactory {
    PassThroughOperatorFactory(String type) {
        this(type, false);
    }

    @Override
    public String description() {
        return "Emits every record unchanged.";
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.of();
    }

    @Override
    public Operator create(Config config) {
        return (Record record, OperatorContext context, Emitter out) -> out.emit(record);
    }
}
