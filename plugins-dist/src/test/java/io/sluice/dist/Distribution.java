package io.sluice.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The built distribution under test (failsafe passes its path), and a way to run its bin/sluice. */
final class Distribution {
    static final Path HOME = Path.of(System.getProperty("sluice.dist", "target/sluice-dist-missing"));
    static final Path REPO = Path.of(System.getProperty("sluice.repo", ".."));

    private Distribution() {
    }

    /** The result of one {@code bin/sluice} process. */
    record Run(int exitCode, String out, String err) {
    }

    /** Runs {@code bin/sluice args} in {@code workDir}, waits at most {@code timeout}, returns its outcome. */
    static Run sluice(Path workDir, Map<String, String> env, Duration timeout, String... args)
            throws IOException, InterruptedException {
        assertThat(HOME.resolve("bin/sluice")).as("the distribution is built (mvn package)").isExecutable();
        List<String> command = new ArrayList<>();
        command.add(HOME.resolve("bin/sluice").toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "sluice", ".out");
        Path err = Files.createTempFile(workDir, "sluice", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("SLUICE_PLUGINS_DIR");
        pb.environment().putAll(env);
        Process process = pb.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("sluice " + String.join(" ", args) + " did not finish within " + timeout
                    + "\nstdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
