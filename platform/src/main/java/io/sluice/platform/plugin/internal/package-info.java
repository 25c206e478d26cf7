/**
 * How the plugin host works inside; not API. pf4j is driven through
 * {@link io.sluice.platform.plugin.internal.SluicePluginManager} (child-first class loaders that
 * share the SPI, pf4j and slf4j with the host, descriptors read with precise errors, zips extracted
 * into a work directory), extensions are read and instantiated by
 * {@link io.sluice.platform.plugin.internal.ExtensionLoader} so that every failure becomes a
 * {@link io.sluice.platform.plugin.PluginProblem}, and every object a plugin hands to the platform
 * is wrapped by {@link io.sluice.platform.plugin.internal.PluginComponents} so that calls into it
 * run with the plugin's class loader as thread context class loader.
 */
package io.sluice.platform.plugin.internal;
