/**
 * Documentation generated from the code that declares it: component and step reference pages
 * rendered from {@link io.sluice.spi.config.ConfigSpec}s, used by {@code sluice describe} and
 * {@code sluice docs} (which writes the distribution's {@code docs/}).
 */
package io.sluice.platform.docs;
