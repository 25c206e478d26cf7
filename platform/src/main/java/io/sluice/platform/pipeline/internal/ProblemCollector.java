package io.sluice.platform.pipeline.internal;

import io.sluice.platform.pipeline.Location;
import io.sluice.platform.pipeline.Problem;
import io.sluice.spi.config.ConfigException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the problems of one file. One fault is reported once: the first problem reported at
 * a path wins, so a value whose interpolation failed is not reported again as, say, a bad
 * duration, and checks that run later ({@link #overlaps}) can skip what is already reported;
 * a missing key is not reported when an unknown key beside it is its misspelling (the
 * did-you-mean already says so).
 */
public final class ProblemCollector {
    private final SourceText source;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> paths = new HashSet<>();
    private final List<Problem> missing = new ArrayList<>();
    private final Set<String> suggested = new HashSet<>();

    public ProblemCollector(SourceText source) {
        this.source = source;
    }

    public SourceText source() {
        return source;
    }

    /** Reports a problem unless one was already reported at {@code path}. */
    public void add(Location location, String path, String message) {
        if (path.isEmpty() || paths.add(path)) {
            problems.add(new Problem(location, path, message));
        }
    }

    /** Reports a required key that is not there; {@code where} is the key holding the mapping. */
    public void missing(Location where, String path, String message) {
        if (paths.add(path)) {
            missing.add(new Problem(where, path, message));
        }
    }

    /**
     * Reports an unknown key of a mapping at {@code parentPath}, suggesting the closest allowed
     * key, else listing them.
     */
    public void unknownKey(YamlNode.Entry entry, String parentPath, List<String> allowed) {
        String key = entry.key();
        DidYouMean.closest(key, allowed).ifPresent(s -> suggested.add(Paths.child(parentPath, s)));
        add(entry.keyLocation(), Paths.child(parentPath, key), "unknown key '" + key + "'"
                + DidYouMean.hint(key, allowed, "allowed keys"));
    }

    /**
     * Reports a rejected value: at the column inside it that {@link ConfigException#offset()}
     * names, when the value's text can be pointed into, else at the value.
     */
    public void rejected(YamlNode value, String path, ConfigException e) {
        add(locateInside(value, e.offset()), path, e.getMessage());
    }

    /** The location of a 0-based offset inside a scalar's text, or of the node itself. */
    public Location locateInside(YamlNode node, int offset) {
        if (offset < 0 || !(node instanceof YamlNode.Scalar scalar) || scalar.literalOffset() < 0
                || offset > scalar.text().length()) {
            return node.location();
        }
        int lineStart = scalar.text().lastIndexOf('\n', offset - 1);
        if (scalar.blockIndent() < 0 || lineStart < 0) {
            return source.locate(scalar.literalOffset() + offset);
        }
        int linesBefore = (int) scalar.text().substring(0, offset).chars().filter(c -> c == '\n').count();
        Location first = source.locate(scalar.literalOffset());
        return new Location(source.file(), first.line() + linesBefore, scalar.blockIndent() + offset - lineStart);
    }

    /** Whether a problem was reported at {@code path}, inside it, or at a path that contains it. */
    public boolean overlaps(String path) {
        for (String reported : paths) {
            if (Paths.overlap(reported, path)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return problems.isEmpty() && missing.isEmpty();
    }

    /** The problems sorted by position. */
    public List<Problem> problems() {
        List<Problem> all = new ArrayList<>(problems);
        missing.stream().filter(p -> !suggested.contains(p.path())).forEach(all::add);
        return all.stream().sorted().toList();
    }
}
