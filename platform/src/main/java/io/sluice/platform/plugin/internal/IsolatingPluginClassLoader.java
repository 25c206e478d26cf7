package io.sluice.platform.plugin.internal;

import java.util.List;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin's class loader: child-first (the plugin's own classes and {@code lib/} jars win over the
 * host's), except for the packages plugin and host must share, which always come from the host:
 * {@code java.*}, {@code io.sluice.spi.*}, {@code org.pf4j.*} and {@code org.slf4j.*}.
 *
 * <p>pf4j's {@link PluginClassLoader} (3.14.1) already delegates {@code java.*} and
 * {@code org.pf4j.*} to the parent; everything else it looks up plugin-first
 * ({@link ClassLoadingStrategy#PDA}), which would let a plugin that bundles the SPI or slf4j define
 * its own copies of {@code SourceFactory} or {@code Logger} and fail with
 * {@code ClassCastException}s far from the cause. This subclass closes that gap.
 *
 * <pre>{@code
 * PluginClassLoader loader = new IsolatingPluginClassLoader(manager, descriptor, hostLoader);
 * loader.addFile(pluginJar.toFile());
 * }</pre>
 */
public final class IsolatingPluginClassLoader extends PluginClassLoader {
    /** Class name prefixes that always resolve in the host (besides {@code java.}, which pf4j handles). */
    public static final List<String> HOST_PACKAGES = List.of("io.sluice.spi.", "org.pf4j.", "org.slf4j.");

    public IsolatingPluginClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader host) {
        super(manager, descriptor, host, ClassLoadingStrategy.PDA);
    }

    @Override
    public Class<?> loadClass(String className) throws ClassNotFoundException {
        if (isHostClass(className)) {
            return getParent().loadClass(className);
        }
        return super.loadClass(className);
    }

    /** Whether {@code className} is one of the classes plugins share with the host. */
    public static boolean isHostClass(String className) {
        for (String prefix : HOST_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
