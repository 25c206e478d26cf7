package io.sluice.connectors.file;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.sink.Sink;
import io.sluice.spi.testkit.SinkContract;
import io.sluice.spi.testkit.TestComponentContext;
import io.sluice.spi.testkit.TextRecordFormat;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The file sink keeps the sink contract, exactly-once included. */
class FileSinkContractTest extends SinkContract {
    @TempDir
    Path dir;

    private Config config() {
        return Config.builder(FileSinkFactory.SPEC).setRaw("path", dir.resolve("out").toString()).setRaw("format", "text").build();
    }

    @Override
    protected Sink createSink() {
        return new FileSinkFactory().create(config());
    }

    @Override
    protected ComponentContext context() {
        return TestComponentContext.builder().config(config()).build();
    }

    @Override
    protected boolean exactlyOnce() {
        return true;
    }

    @Override
    protected List<Record> committedOutput() {
        return SinkOutput.records(dir.resolve("out"), new TextRecordFormat());
    }
}
