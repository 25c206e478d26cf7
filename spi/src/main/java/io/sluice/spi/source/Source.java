package io.sluice.spi.source;

/**
 * A configured source: either {@link ReplayableSource} or {@link ReceiverSource}. The engine
 * asks it for the runtime objects it needs and owns their lifecycle.
 *
 * <pre>{@code
 * Source source = factory.create(config);
 * if (source instanceof ReplayableSource<?> replayable) { ... }
 * }</pre>
 */
public sealed interface Source permits ReplayableSource, ReceiverSource {
}
