package dev.tend.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The files of a source, oldest first: each glob expanded, and each current file preceded by its
 * rotated set as logrotate names it ({@code app.log.3.gz, app.log.2.gz, app.log.1, app.log}, or
 * with {@code dateext} {@code app.log-20261129.gz, app.log-20261130, app.log}), so lines come in
 * the order they were written. Compressed files ({@code .gz}) are read through gzip.
 */
public final class LogFiles {
    private static final Pattern NUMBERED = Pattern.compile("\\.(\\d{1,4})(\\.gz)?");
    private static final Pattern DATED = Pattern.compile("[-.](\\d{8}(?:\\d{2,6})?)(\\.gz)?");

    private LogFiles() {}

    /** Every file the patterns name, with rotated siblings, oldest first; a pattern matching nothing adds nothing. */
    public static List<Path> expand(List<String> patterns) throws IOException {
        var files = new LinkedHashSet<Path>();
        for (var pattern : patterns) {
            for (var current : glob(pattern)) {
                files.addAll(rotated(current));
                files.add(current);
            }
        }
        // A glob that matched rotated files itself ("*.log*") lists them among the current ones: keep each once, in order.
        var ordered = new ArrayList<Path>();
        for (var file : files) {
            if (!ordered.contains(file)) ordered.add(file);
        }
        return ordered;
    }

    /** The rotated siblings of a current file, oldest first. */
    static List<Path> rotated(Path current) throws IOException {
        var directory = current.toAbsolutePath().getParent();
        var base = current.getFileName().toString();
        if (directory == null || isRotatedName(base)) return List.of();
        record Sibling(Path path, int order, String date) {}
        var siblings = new ArrayList<Sibling>();
        try (var listing = Files.list(directory)) {
            for (var path : (Iterable<Path>) listing::iterator) {
                var name = path.getFileName().toString();
                if (!name.startsWith(base) || name.equals(base) || !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) continue;
                var suffix = name.substring(base.length());
                Matcher numbered = NUMBERED.matcher(suffix);
                Matcher dated = DATED.matcher(suffix);
                if (numbered.matches()) siblings.add(new Sibling(path, Integer.parseInt(numbered.group(1)), ""));
                else if (dated.matches()) siblings.add(new Sibling(path, 0, dated.group(1)));
            }
        }
        // Numbered: the highest number is the oldest. Dated: the earliest date is the oldest; they come before numbered ones only by date.
        siblings.sort(Comparator.comparing((Sibling sibling) -> sibling.date().isEmpty() ? 1 : 0)
                .thenComparing(Sibling::date).thenComparing(Comparator.comparingInt(Sibling::order).reversed()));
        return siblings.stream().map(Sibling::path).toList();
    }

    static boolean isRotatedName(String name) {
        return name.endsWith(".gz") || name.matches(".*\\.\\d{1,4}") || name.matches(".*-\\d{8,14}");
    }

    private static List<Path> glob(String pattern) throws IOException {
        var path = Path.of(pattern);
        if (!pattern.contains("*") && !pattern.contains("?") && !pattern.contains("[")) return Files.exists(path) ? List.of(path) : List.of();
        // The fixed directories before the first wildcard are where the walk starts.
        var root = path.isAbsolute() ? path.getRoot() : Path.of("");
        Path start = root;
        int index = 0;
        for (; index < path.getNameCount() - 1; index++) {
            var part = path.getName(index).toString();
            if (part.contains("*") || part.contains("?") || part.contains("[")) break;
            start = start.resolve(part);
        }
        if (!Files.isDirectory(start)) return List.of();
        var matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        int depth = path.getNameCount() - index;
        var found = new ArrayList<Path>();
        try (var walk = Files.walk(start, pattern.contains("**") ? Integer.MAX_VALUE : depth)) {
            walk.filter(candidate -> Files.isRegularFile(candidate) && matcher.matches(candidate)).forEach(found::add);
        }
        found.sort(Comparator.naturalOrder());
        return found;
    }

    /** The file's bytes, through gzip when it is compressed. */
    public static InputStream open(Path file) throws IOException {
        var in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
