/**
 * Typed component configuration, declared once where it is used.
 *
 * <p>A component declares its keys as {@link io.sluice.spi.config.ConfigKey} constants (type,
 * default, required, validators, description, example, secret) and collects them in a
 * {@link io.sluice.spi.config.ConfigSpec}. From that one declaration the platform validates
 * pipeline YAML (reporting every error with file, line and column), prints
 * {@code sluice describe}, generates the JSON Schema and the configuration docs, and masks
 * secrets wherever configuration is printed. Components read values back, typed, from a
 * {@link io.sluice.spi.config.Config}: no plugin ever reads a raw map.
 */
package io.sluice.spi.config;
