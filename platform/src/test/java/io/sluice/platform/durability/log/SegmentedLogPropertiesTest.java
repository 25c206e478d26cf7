package io.sluice.platform.durability.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever sequence of appends, clean reopens and crashes (the log's bytes cut at a random byte,
 * perhaps padded with zeros as a file system may leave them) happens, the log recovers exactly the
 * entries whose frames lie wholly before the cut: a prefix of what was appended, and appending
 * continues after it.
 */
class SegmentedLogPropertiesTest {
    private static final LogOptions OPTIONS = LogOptions.defaults().withSegmentSize(1024);

    sealed interface Step {}

    record Append(List<Integer> sizes) implements Step {}

    record Reopen() implements Step {}

    record Crash(double at, int zeros) implements Step {}

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> append = Arbitraries.integers().between(0, 300)
                .withDistribution(net.jqwik.api.RandomDistribution.uniform()).list().ofMinSize(1).ofMaxSize(30)
                .map(Append::new);
        Arbitrary<Step> reopen = Arbitraries.just(new Reopen());
        Arbitrary<Step> crash = Combinators.combine(Arbitraries.doubles().between(0, 1),
                Arbitraries.of(0, 0, 7, 600)).as(Crash::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, append), net.jqwik.api.Tuple.of(1, reopen), net.jqwik.api.Tuple.of(2, crash))
                .list().ofMaxSize(14);
    }

    /** Entry bytes are never zero, so zero padding can never complete a cut frame. */
    private static byte[] entry(long sequence, int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (1 + (sequence * 131 + i * 7) % 255);
        }
        return bytes;
    }

    @Property(tries = 60)
    void recoveryYieldsExactlyTheEntriesBeforeTheCut(@ForAll("steps") List<Step> steps) throws IOException {
        Path dir = Files.createTempDirectory("segmented-log-property");
        List<byte[]> appended = new ArrayList<>();
        try {
            SegmentedLog log = SegmentedLog.open(dir, OPTIONS);
            try {
                for (Step step : steps) {
                    if (step instanceof Append a) {
                        for (int size : a.sizes()) {
                            assertThat(log.append(entry(appended.size(), size))).isEqualTo(appended.size());
                            appended.add(entry(appended.size(), size));
                        }
                        continue;
                    }
                    log.close();
                    long kept = step instanceof Crash c ? crash(dir, c, appended) : appended.size();
                    log = SegmentedLog.open(dir, OPTIONS);
                    assertThat(log.nextSequence()).isEqualTo(kept);
                    appended.subList((int) kept, appended.size()).clear();
                    assertReadsBack(log, appended);
                }
                assertReadsBack(log, appended);
            } finally {
                log.close();
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void assertReadsBack(SegmentedLog log, List<byte[]> appended) {
        List<byte[]> read = new ArrayList<>();
        log.read(0, log.nextSequence(), (sequence, bytes) -> read.add(bytes));
        assertThat(read).containsExactlyElementsOf(appended);
    }

    /** Cuts the log's bytes at {@code crash.at()} of their total, pads zeros; returns how many entries survive. */
    private static long crash(Path dir, Crash crash, List<byte[]> appended) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.sorted().toList();
        }
        net.jqwik.api.statistics.Statistics.label("segment cut").collect(
                files.size() == 1 ? "the only one" : "one of " + Math.min(files.size(), 3) + "+");
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
        }
        long cut = (long) (crash.at() * total);
        int i = 0;
        while (i < files.size() - 1 && cut >= Files.size(files.get(i))) {
            cut -= Files.size(files.get(i));
            i++;
        }
        Path cutFile = files.get(i);
        for (Path later : files.subList(i + 1, files.size())) {
            Files.delete(later);
        }
        try (RandomAccessFile raf = new RandomAccessFile(cutFile.toFile(), "rw")) {
            raf.setLength(cut);
            raf.seek(cut);
            raf.write(new byte[crash.zeros()]);
        }
        long sequence = SegmentFormat.firstSequenceOf(cutFile);
        long end = SegmentFormat.HEADER_SIZE;
        while (sequence < appended.size()) {
            end += SegmentFormat.FRAME_HEADER_SIZE + appended.get((int) sequence).length;
            if (end > cut) {
                break;
            }
            sequence++;
        }
        return sequence;
    }
}
