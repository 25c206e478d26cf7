/**
 * Finding components: pf4j plugins from a plugins directory and extensions on the classpath,
 * registered by type name in a {@link io.sluice.platform.plugin.ComponentRegistry}. Start with
 * {@link io.sluice.platform.plugin.PluginHost}; {@link io.sluice.platform.plugin.PluginsDirectory}
 * decides where plugins live.
 */
package io.sluice.platform.plugin;
