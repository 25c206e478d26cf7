/**
 * The connector test kit, shipped in the spi test-jar ({@code io.sluice:sluice-spi:test-jar}).
 *
 * <ul>
 *   <li>{@link io.sluice.spi.testkit.TestComponentContext}: a {@link io.sluice.spi.ComponentContext}
 *   with a manual clock, collecting error reporter, in-memory metrics and the {@code text} and
 *   {@code bytes} formats (tests that need JSON pass their own format).</li>
 *   <li>{@link io.sluice.spi.testkit.CollectingEmitter}: collects what a reader or operator emits;
 *   {@link io.sluice.spi.testkit.TestOperatorContext}: a batch, a partition and per-key state for
 *   operator tests.</li>
 *   <li>{@link io.sluice.spi.testkit.BuiltPlugin}: loads a built plugin zip or jar with pf4j, as the host
 *   does, for a plugin module's integration test.</li>
 *   <li>Contract suites that a connector's test class extends, so every connector is held to the same
 *   rules: {@link io.sluice.spi.testkit.ReplayableSourceContract} and
 *   {@link io.sluice.spi.testkit.SinkContract}.</li>
 * </ul>
 *
 * <pre>{@code
 * class FileSourceContractTest extends ReplayableSourceContract<FileSplit> {
 *     @TempDir Path dir;
 *     protected ReplayableSource<FileSplit> source() { ... }
 *     protected ComponentContext context() { return TestComponentContext.builder().config(config).build(); }
 *     protected boolean bounded() { return false; }
 * }
 * }</pre>
 */
package io.sluice.spi.testkit;
