package io.sluice.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line: {@code [--events N] [--batches B] [--threads T] [--modes a,b,c] [--rounds R]
 * [--plugins-dir DIR]}. The defaults are WORKLOAD.md's figure: 10M events in 10 batches on 2 threads.
 *
 * @param events     events in all
 * @param batches    batches they are cut into, of equal size
 * @param threads    worker threads of every mode
 * @param modes      which modes to run, in order, each round
 * @param rounds     how many times the modes are run one after the other (for the spread)
 * @param pluginsDir where the YAML mode loads its plugin zips from
 */
record BenchOptions(long events, int batches, int threads, List<String> modes, int rounds, Path pluginsDir) {
    static final List<String> ALL_MODES = List.of(BaselineRun.MODE, SluiceJavaRun.MODE, SluiceYamlRun.MODE);

    BenchOptions {
        if (batches < 1 || events < batches || events % batches != 0 || threads < 1 || rounds < 1) {
            throw new IllegalArgumentException("need batches >= 1 dividing events, threads >= 1 and rounds >= 1");
        }
        for (String mode : modes) {
            if (!ALL_MODES.contains(mode)) {
                throw new IllegalArgumentException("unknown mode '" + mode + "'; modes: " + String.join(",", ALL_MODES));
            }
        }
        modes = List.copyOf(modes);
    }

    static BenchOptions parse(String[] args) {
        long events = 10_000_000L;
        int batches = 10;
        int threads = 2;
        int rounds = 1;
        List<String> modes = ALL_MODES;
        Path plugins = defaultPluginsDir();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--events" -> events = Long.parseLong(require(args[i], value).replace("_", ""));
                case "--batches" -> batches = Integer.parseInt(require(args[i], value));
                case "--threads" -> threads = Integer.parseInt(require(args[i], value));
                case "--rounds" -> rounds = Integer.parseInt(require(args[i], value));
                case "--modes" -> modes = new ArrayList<>(List.of(require(args[i], value).split(",")));
                case "--plugins-dir" -> plugins = Path.of(require(args[i], value));
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
            }
            i++;
        }
        return new BenchOptions(events, batches, threads, modes, rounds, plugins);
    }

    /** The first event of batch {@code b} (0-based); {@code b == batches} gives the end. */
    static long batchStart(long events, int batches, int b) {
        return events / batches * b;
    }

    long eventsPerBatch() {
        return events / batches;
    }

    long batchStart(int b) {
        return batchStart(events, batches, b);
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    /** {@code sluice.bench.plugins}, else {@code plugins/} beside the bench jar (where the build puts the zips). */
    private static Path defaultPluginsDir() {
        String property = System.getProperty("sluice.bench.plugins");
        if (property != null) {
            return Path.of(property);
        }
        try {
            Path jar = Path.of(BenchOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path beside = jar.getParent().resolve("plugins");
            return Files.isDirectory(beside) ? beside : Path.of("bench/target/plugins");
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Path.of("bench/target/plugins");
        }
    }
}
