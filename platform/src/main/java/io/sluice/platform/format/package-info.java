/**
 * Record formats: {@code json}, {@code text} and {@code bytes}, the implementations of
 * {@link io.sluice.spi.format.RecordFormat} that the {@code parse:}/{@code format:} steps use and
 * that plugins obtain through {@link io.sluice.spi.ComponentContext#format(String)}. Start with
 * {@link io.sluice.platform.format.RecordFormats#standard()}.
 */
package io.sluice.platform.format;
