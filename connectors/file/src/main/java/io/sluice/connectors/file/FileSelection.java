package io.sluice.connectors.file;

import io.sluice.spi.ConnectorException;
import io.sluice.spi.RetriableException;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which files the source reads: every file directly in a directory, one file, or the files matching
 * a glob ({@code /data/in/*.jsonl}, {@code /data/in/**}{@code /*.txt}), in name order. Hidden files
 * (names starting with {@code .}, such as the file sink's temporary files) are never read.
 */
final class FileSelection {
    private static final String GLOB_CHARS = "*?[{";

    private final Path base;
    private final PathMatcher matcher;
    private final int maxDepth;

    private FileSelection(Path base, PathMatcher matcher, int maxDepth) {
        this.base = base;
        this.matcher = matcher;
        this.maxDepth = maxDepth;
    }

    /**
     * @param path a directory, a file or a glob
     * @throws ConnectorException if the directory (for a glob: the part before the first wildcard) does not exist
     */
    static FileSelection of(String path) {
        int firstWildcard = indexOfAny(path, GLOB_CHARS);
        FileSelection selection;
        if (firstWildcard < 0) {
            Path p = Path.of(path).toAbsolutePath().normalize();
            selection = Files.isRegularFile(p)
                    ? new FileSelection(p.getParent(), p.getParent().getFileSystem().getPathMatcher("glob:" + escape(p.getFileName().toString())), 1)
                    : new FileSelection(p, null, 1);
        } else {
            int cut = Math.max(path.lastIndexOf('/', firstWildcard), path.lastIndexOf(File.separatorChar, firstWildcard));
            Path base = Path.of(cut < 0 ? "." : cut == 0 ? "/" : path.substring(0, cut)).toAbsolutePath().normalize();
            String pattern = path.substring(cut + 1);
            int depth = pattern.contains("**") ? Integer.MAX_VALUE : (int) pattern.chars().filter(c -> c == '/').count() + 1;
            selection = new FileSelection(base, FileSystems.getDefault().getPathMatcher("glob:" + pattern), depth);
        }
        if (!Files.isDirectory(selection.base)) {
            throw new ConnectorException("file source path '" + path + "': directory " + selection.base + " does not exist");
        }
        return selection;
    }

    /**
     * The selected files now, sorted by path.
     *
     * @throws RetriableException if the directory cannot be listed
     */
    List<Path> list() {
        try (Stream<Path> files = Files.walk(base, maxDepth)) {
            return files.filter(p -> !p.equals(base))
                    .filter(p -> !isHidden(base.relativize(p)))
                    .filter(p -> matcher == null || matcher.matches(base.relativize(p)))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new RetriableException("cannot list " + base + ": " + e.getMessage(), e);
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String escape(String literal) {
        StringBuilder sb = new StringBuilder(literal.length() + 4);
        for (char c : literal.toCharArray()) {
            if ("*?[]{}\\,".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
