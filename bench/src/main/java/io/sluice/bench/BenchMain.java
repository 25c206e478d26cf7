package io.sluice.bench;

import io.sluice.platform.plugin.PluginHost;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code java -Xmx8g -Xms8g -Xmn512m -XX:+AlwaysPreTouch -jar bench/target/sluice-bench.jar
 * [--events N] [--batches B] [--threads T] [--modes baseline,sluice-java,sluice-yaml] [--rounds R]}:
 * runs every mode in this JVM, one after the other, {@code R} times, and prints per run
 *
 * <pre>
 * RESULT mode=sluice-yaml events=10000000 seconds=2.612 events_per_s=3828484 check=PASS ratio=0.91 round=1
 * </pre>
 *
 * <p>{@code seconds} is the sum of the batches' processing times (capacity, as WORKLOAD.md defines
 * it), {@code ratio} the mode's events/s over the baseline's of the same round, {@code check} whether
 * the final occupancies, the alert counts of every batch and the last line window equal the plain
 * reference loop's. A second line gives the CPU time the process used while processing and the
 * events per CPU-second, which a shared machine distorts much less than wall time. Exit code 0 when every check passed, 1 otherwise, 2 for bad options.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("sluice-bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(options, System.out) ? 0 : 1);
    }

    /** Runs the benchmark; whether every check passed. */
    static boolean run(BenchOptions options, PrintStream out) throws InterruptedException {
        out.printf("sluice-bench: %,d events in %d batches, %d worker threads, modes %s, %d round(s); JVM %s, %s%n",
                options.events(), options.batches(), options.threads(), String.join(",", options.modes()),
                options.rounds(), Runtime.version(), jvmFlags());
        Outcome expected = Reference.compute(options.events(), options.batches());
        boolean allPassed = true;
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        try (PluginHost plugins = PluginHost.builder().pluginsDirectory(options.pluginsDir())
                .classpath(BenchMain.class.getClassLoader()).load()) {
            plugins.registry().problems().forEach(p -> out.println("sluice-bench: plugin problem: " + p));
            for (int round = 1; round <= options.rounds(); round++) {
                Double baseline = null;
                Double baselinePerCpu = null;
                for (String mode : options.modes()) {
                    System.gc();
                    Outcome outcome = runMode(mode, options, plugins);
                    String mismatch = Reference.mismatch(expected, outcome, options.events());
                    double seconds = outcome.processingNanos() / 1e9;
                    double rate = options.events() / Math.max(seconds, 1e-9);
                    double perCpu = options.events() / Math.max(outcome.cpuNanos() / 1e9, 1e-9);
                    if (mode.equals(BaselineRun.MODE)) {
                        baseline = rate;
                        baselinePerCpu = perCpu;
                    }
                    rates.computeIfAbsent(mode, m -> new ArrayList<>()).add(rate);
                    allPassed &= mismatch == null;
                    out.printf(Locale.ROOT, "RESULT mode=%s events=%d seconds=%.3f events_per_s=%.0f check=%s%s round=%d%n",
                            mode, options.events(), seconds, rate, mismatch == null ? "PASS" : "FAIL",
                            baseline == null ? "" : String.format(Locale.ROOT, " ratio=%.2f", rate / baseline), round);
                    if (mismatch != null) {
                        out.println("  check failed: " + mismatch);
                    }
                    out.printf(Locale.ROOT, "  cpu_s=%.3f events_per_cpu_s=%.0f%s%n", outcome.cpuNanos() / 1e9, perCpu,
                            baselinePerCpu == null ? "" : String.format(Locale.ROOT, " cpu_ratio=%.2f", perCpu / baselinePerCpu));
                    out.println("  window: " + outcome.windowHow() + "; alerts per batch " + outcome.alertsPerBatch());
                }
            }
        }
        printSummary(rates, out);
        return allPassed;
    }

    private static Outcome runMode(String mode, BenchOptions options, PluginHost plugins) throws InterruptedException {
        return switch (mode) {
            case BaselineRun.MODE -> new BaselineRun().run(options);
            case SluiceJavaRun.MODE -> new SluiceJavaRun().run(options, plugins);
            default -> new SluiceYamlRun().run(options, plugins);
        };
    }

    /** Per mode: median, min and max events/s over the rounds, and the median's ratio to the baseline's. */
    private static void printSummary(Map<String, List<Double>> rates, PrintStream out) {
        List<Double> base = rates.get(BaselineRun.MODE);
        Double baseMedian = base == null ? null : median(base);
        rates.forEach((mode, list) -> {
            double median = median(list);
            out.printf(Locale.ROOT, "SUMMARY mode=%s runs=%d median_events_per_s=%.0f min=%.0f max=%.0f%s%n", mode,
                    list.size(), median, list.stream().mapToDouble(d -> d).min().orElse(0),
                    list.stream().mapToDouble(d -> d).max().orElse(0),
                    baseMedian == null ? "" : String.format(Locale.ROOT, " median_ratio=%.2f", median / baseMedian));
        });
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String jvmFlags() {
        List<String> flags = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        return flags.isEmpty() ? "no JVM flags" : "flags " + String.join(" ", flags);
    }
}
