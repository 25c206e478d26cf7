/**
 * Record formats: how records become bytes and back ({@code json}, {@code text}, {@code bytes}).
 * Sources and sinks with a {@code format:} key obtain one from
 * {@link io.sluice.spi.ComponentContext#format(String)}, so every connector encodes the same way.
 */
package io.sluice.spi.format;
