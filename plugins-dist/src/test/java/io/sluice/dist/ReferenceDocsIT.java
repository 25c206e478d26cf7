package io.sluice.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration reference in docs/reference is generated from the config specs of the
 * built-in steps and of every plugin the distribution ships. This test regenerates it with the
 * distribution and fails when the committed copy is stale. To refresh it:
 * {@code ./sluice docs --output docs/reference}.
 */
class ReferenceDocsIT {
    @TempDir
    Path work;

    @Test
    void committedReferenceDocsAreUpToDate() throws Exception {
        Path generated = work.resolve("reference");
        Distribution.Run run = Distribution.sluice(work, Map.of(), Duration.ofMinutes(1), "docs", "--output", generated.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        Path committed = Distribution.REPO.resolve("docs/reference");
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file : files.sorted().toList()) {
                Path mine = committed.resolve(file.getFileName());
                assertThat(mine).as("docs/reference/%s is committed (run ./sluice docs --output docs/reference)", file.getFileName()).exists();
                assertThat(Files.readString(mine))
                        .as("docs/reference/%s is stale: run ./sluice docs --output docs/reference", file.getFileName())
                        .isEqualTo(Files.readString(file));
            }
        }
        try (Stream<Path> files = Files.list(committed)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("docs/reference holds only generated files")
                    .allSatisfy(name -> assertThat(generated.resolve(name)).exists());
        }
    }
}
