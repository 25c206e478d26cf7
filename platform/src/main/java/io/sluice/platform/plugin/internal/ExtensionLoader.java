package io.sluice.platform.plugin.internal;

import io.sluice.platform.plugin.ComponentKind;
import io.sluice.spi.ComponentFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.pf4j.processor.ExtensionStorage;
import org.pf4j.processor.LegacyExtensionStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads pf4j's extension index ({@code META-INF/extensions.idx}, written by pf4j's annotation
 * processor for every {@code @Extension} class) and instantiates the Sluice factories it lists,
 * reporting each one that fails.
 *
 * <p>pf4j's own finder is not used because, in 3.14.1, it logs and skips extensions whose class is
 * missing or cannot be instantiated (nothing to report to the user), and it reads a plugin's index
 * with {@code getResourceAsStream}, which falls back to the host's index when the plugin has none.
 * Here a plugin's index is read only from the plugin's own class path
 * ({@link java.net.URLClassLoader#findResources}).
 *
 * <pre>{@code
 * Set<String> names = ExtensionLoader.readIndex(pluginLoader.findResources(ExtensionLoader.INDEX));
 * List<ComponentFactory> factories = loader.instantiate(names, pluginLoader, origin, context);
 * }</pre>
 */
public final class ExtensionLoader {
    /** Where pf4j's annotation processor lists the extension classes of a jar. */
    public static final String INDEX = LegacyExtensionStorage.EXTENSIONS_RESOURCE;

    private static final Logger log = LoggerFactory.getLogger(ExtensionLoader.class);
    private static final Pattern TYPE_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final ProblemReporter problems;
    private final boolean strict;

    /**
     * @param strict whether index entries that are not Sluice factories are problems (plugins) or
     *               are skipped because other pf4j users may share the index (the classpath)
     */
    public ExtensionLoader(ProblemReporter problems, boolean strict) {
        this.problems = problems;
        this.strict = strict;
    }

    /** The class names listed in the given index files, in order, without duplicates. */
    public static Set<String> readIndex(Enumeration<URL> indexes) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        while (indexes.hasMoreElements()) {
            URLConnection connection = indexes.nextElement().openConnection();
            connection.setUseCaches(false);
            try (InputStream in = connection.getInputStream();
                 Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                ExtensionStorage.read(reader, names);
            }
        }
        return names;
    }

    /**
     * Loads and instantiates each listed class that implements a Sluice extension point, with
     * {@code context}'s loader as thread context class loader when given (plugins).
     */
    public List<ComponentFactory> instantiate(Set<String> classNames, ClassLoader loader, String origin,
                                              ContextLoader context) {
        List<ComponentFactory> factories = new ArrayList<>();
        for (String className : classNames) {
            ClassLoader previous = context == null ? null : context.enter();
            try {
                ComponentFactory factory = instantiate(className, loader, origin);
                if (factory != null && hasValidType(factory, className, origin)) {
                    factories.add(factory);
                }
            } finally {
                if (context != null) {
                    ContextLoader.exit(previous);
                }
            }
        }
        return factories;
    }

    private ComponentFactory instantiate(String className, ClassLoader loader, String origin) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            problems.report(origin, "extension class " + className + " is listed in " + INDEX + " but missing", e);
            return null;
        } catch (LinkageError e) {
            problems.report(origin, "extension class " + className + " cannot be loaded: " + ProblemReporter.describe(e), e);
            return null;
        }
        if (!ComponentFactory.class.isAssignableFrom(type) || !implementsExtensionPoint(type)) {
            if (strict) {
                problems.report(origin, "extension class " + className + " implements none of SourceFactory,"
                        + " SinkFactory, OperatorFactory, BatchTransformFactory (io.sluice.spi)", null);
            } else {
                log.debug("{}: skipping {}: not a Sluice component factory", origin, className);
            }
            return null;
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            problems.report(origin, "extension class " + className + " is abstract", null);
            return null;
        }
        try {
            return (ComponentFactory) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            problems.report(origin, "extension class " + className + " needs a public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            problems.report(origin, "extension class " + className + " failed in its constructor: "
                    + ProblemReporter.describe(e.getCause()), e.getCause());
        } catch (InstantiationException | RuntimeException | LinkageError e) {
            problems.report(origin, "extension class " + className + " cannot be instantiated: "
                    + ProblemReporter.describe(e), e);
        }
        return null;
    }

    private static boolean implementsExtensionPoint(Class<?> type) {
        for (ComponentKind kind : ComponentKind.values()) {
            if (kind.extensionPoint().isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasValidType(ComponentFactory factory, String className, String origin) {
        String type;
        try {
            type = factory.type();
        } catch (RuntimeException | LinkageError e) {
            problems.report(origin, "extension class " + className + " failed in type(): " + ProblemReporter.describe(e), e);
            return false;
        }
        if (type == null || !TYPE_NAME.matcher(type).matches()) {
            problems.report(origin, "extension class " + className + " has type name '" + type
                    + "'; type names are lower case words joined by '-', e.g. 'bus-sensors'", null);
            return false;
        }
        return true;
    }
}
