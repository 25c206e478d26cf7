/**
 * The Sluice host: everything that is not the SPI. Sub-packages are features — {@code plugin}
 * (loading and registering components), {@code pipeline} (YAML, validation, schema, compilation),
 * {@code stream} (the DStream Java API), {@code engine} (scheduling and execution),
 * {@code format} (record formats), {@code cli} (the {@code sluice} command). Packages named
 * {@code internal} are not API.
 */
package io.sluice.platform;
