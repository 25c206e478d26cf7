package io.sluice.connectors.x;

import io.sluice.platform.format.JsonFormat;
import io.sluice.spi.config.Config;
import io.sluice.spi.testkit.TestComponentContext;
import io.sluice.spi.testkit.TestReceiverContext;
import java.time.Clock;

/** The test kit's receiver context for this source: the platform's json format, a fixed component name. */
final class StoringReceiverContext extends TestReceiverContext {
    StoringReceiverContext(Config config, Clock clock) {
        super(TestComponentContext.builder().config(config).clock(clock).componentName("sources.tweets")
                .format(new JsonFormat()).build());
    }
}
