/**
 * Finding components: pf4j plugins from a plugins directory and extensions on the classpath,
 * registered by type name in a {@link io.sluice.platform.plugin.ComponentRegistry}.
 */
package io.sluice.platform.plugin;
