package io.sluice.platform.plugin.internal;

import io.sluice.platform.plugin.Component;
import io.sluice.platform.plugin.ComponentKind;
import io.sluice.platform.plugin.ComponentRegistry;
import io.sluice.spi.ComponentFactory;
import io.sluice.spi.SpiVersion;
import java.io.IOException;
import java.util.Set;

/**
 * Registers the Sluice factories listed in every {@code META-INF/extensions.idx} visible to a class
 * loader (embedded use: factories on the application class path, no plugin files). Their
 * components have plugin id and origin {@code "classpath"} and the platform version; they are not
 * wrapped, since their classes share the host's class loader.
 *
 * <pre>{@code
 * ClasspathExtensions.register(Thread.currentThread().getContextClassLoader(), registry, problems);
 * }</pre>
 */
public final class ClasspathExtensions {
    public static final String ORIGIN = "classpath";

    private ClasspathExtensions() {
    }

    public static void register(ClassLoader classpath, ComponentRegistry.Builder registry, ProblemReporter problems) {
        Set<String> names;
        try {
            names = ExtensionLoader.readIndex(classpath.getResources(ExtensionLoader.INDEX));
        } catch (IOException e) {
            problems.report(ORIGIN, "cannot read " + ExtensionLoader.INDEX + ": " + ProblemReporter.describe(e), e);
            return;
        }
        for (ComponentFactory factory : new ExtensionLoader(problems, false).instantiate(names, classpath, ORIGIN, null)) {
            registry.add(new Component<>(ComponentKind.of(factory), factory, ORIGIN, SpiVersion.CURRENT, ORIGIN));
        }
    }
}
