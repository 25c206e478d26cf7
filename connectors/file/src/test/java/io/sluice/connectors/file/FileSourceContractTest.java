package io.sluice.connectors.file;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.config.Config;
import io.sluice.spi.source.ReplayableSource;
import io.sluice.spi.testkit.ReplayableSourceContract;
import io.sluice.spi.testkit.TestComponentContext;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file source keeps the replayable-source contract while files grow: every batch appends lines
 * (some torn, completed a batch later) and adds a file now and then; small splits cut files at line
 * boundaries.
 */
class FileSourceContractTest extends ReplayableSourceContract<FileSplit> {
    @TempDir
    Path dir;

    private Config config() {
        return Config.builder(FileSourceFactory.SPEC)
                .setRaw("path", dir.resolve("*.txt").toString())
                .setRaw("format", "text")
                .setRaw("max-split-bytes", 40)
                .build();
    }

    @Override
    @SuppressWarnings("unchecked")
    protected ReplayableSource<FileSplit> source() {
        return (ReplayableSource<FileSplit>) new FileSourceFactory().create(config());
    }

    @Override
    protected ComponentContext context() {
        return TestComponentContext.builder().config(config()).build();
    }

    @Override
    protected boolean bounded() {
        return false;
    }

    @Override
    protected void beforeBatch(long batchId) {
        Files2.append(dir.resolve("a.txt"), "a line " + batchId + " one\na line " + batchId + " two\na torn li");
        Files2.append(dir.resolve("a.txt"), "ne completed by batch " + (batchId + 1) + "\n");
        Files2.append(dir.resolve("b-" + (batchId / 2) + ".txt"), "b line of batch " + batchId + "\nb torn ");
        Files2.append(dir.resolve("ignored.log"), "not matched by the glob\n");
    }
}
