package io.sluice.connectors.flume;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.sink.Sink;
import io.sluice.spi.testkit.SinkContract;
import io.sluice.spi.testkit.TestComponentContext;
import io.sluice.spi.testkit.TextRecordFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The SPI's sink rules, with a Flume avro source as the destination (at-least-once). */
class FlumeSinkContractIT extends SinkContract {
    private static RecordingFlumeSource flume;

    @BeforeAll
    static void startFlumeSource() throws InterruptedException {
        flume = new RecordingFlumeSource();
    }

    @AfterAll
    static void stopFlumeSource() {
        flume.close();
    }

    @BeforeEach
    void forgetEarlierEvents() {
        flume.events.clear();
    }

    private static Config config() {
        return Config.builder(FlumeSinkFactory.SPEC).setRaw("hosts", "127.0.0.1:" + flume.port())
                .setRaw("format", "text").build();
    }

    @Override
    protected Sink createSink() {
        return new FlumeSinkFactory().create(config());
    }

    @Override
    protected ComponentContext context() {
        return TestComponentContext.builder().config(config()).build();
    }

    @Override
    protected boolean exactlyOnce() {
        return false;
    }

    @Override
    protected List<Record> committedOutput() {
        return flume.bodies().stream()
                .map(body -> Record.builder().field(TextRecordFormat.FIELD, body).build()).toList();
    }
}
