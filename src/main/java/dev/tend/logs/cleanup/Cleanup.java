package dev.tend.logs.cleanup;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a rule removes and the removal itself. Entries are found under the rule's path without
 * following a single symlink (a link is skipped, never read through, never its target removed);
 * the directory holding Tend's own store is refused. A compressed file keeps its time.
 */
public final class Cleanup {
    private Cleanup() {}

    /** An entry that goes: its path, bytes, and when it was last written (for a directory, the newest write inside). */
    public record Entry(Path path, long bytes, Instant modified) {
        public Duration age(Instant now) {
            return Duration.between(modified, now);
        }
    }

    /** What a rule would do now: the entries that go, how many match and stay, symlinks skipped. */
    public record Plan(CleanupRule rule, List<Entry> going, int matching, int kept, int symlinks) {
        public long bytes() {
            return going.stream().mapToLong(Entry::bytes).sum();
        }
    }

    /** What was done: entries removed or compressed, bytes freed, and what failed with why. */
    public record Outcome(Plan plan, List<Entry> done, long freed, List<String> failures) {}

    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    public static Plan plan(CleanupRule rule, Instant now, Path storeDirectory) throws Refused, IOException {
        if (!Files.isDirectory(rule.path(), LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(rule.path())) {
            throw new Refused("no directory " + rule.path() + " (cleanup rule " + rule.name() + ")");
        }
        var root = rule.path().toRealPath();
        if (root.getNameCount() == 0) throw new Refused("refusing to clean up / (" + rule.path() + " is /)");
        if (storeDirectory != null) {
            var store = storeDirectory.toAbsolutePath().normalize();
            var realStore = Files.exists(store) ? store.toRealPath() : store;
            if (realStore.startsWith(root)) {
                throw new Refused("refusing to clean up " + rule.path() + ": it holds Tend's own store (" + store + ")");
            }
        }
        var matcher = FileSystems.getDefault().getPathMatcher("glob:" + rule.match());
        var matching = new ArrayList<Entry>();
        int symlinks = 0;
        if (rule.directories()) {
            try (var children = Files.list(root)) {
                for (var child : (Iterable<Path>) children::iterator) {
                    if (!matcher.matches(child.getFileName())) continue;
                    if (Files.isSymbolicLink(child)) {
                        symlinks++;
                    } else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                        matching.add(directory(child));
                    }
                }
            }
        } else {
            var counter = new int[] {0};
            Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (!matcher.matches(file.getFileName())) return java.nio.file.FileVisitResult.CONTINUE;
                    if (attributes.isSymbolicLink()) counter[0]++;
                    else if (attributes.isRegularFile() && !(rule.action() == CleanupRule.Action.COMPRESS && file.toString().endsWith(".gz"))) {
                        matching.add(new Entry(file, attributes.size(), attributes.lastModifiedTime().toInstant()));
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                    return java.nio.file.FileVisitResult.CONTINUE; // a file that vanished or cannot be read is not ours to judge
                }
            });
            symlinks = counter[0];
        }
        matching.sort(Comparator.comparing(Entry::modified).reversed());
        var going = new ArrayList<Entry>();
        for (int index = rule.minKeep(); index < matching.size(); index++) {
            var entry = matching.get(index);
            if (entry.age(now).compareTo(rule.olderThan()) > 0) going.add(entry);
        }
        going.sort(Comparator.comparing(Entry::path));
        return new Plan(rule, List.copyOf(going), matching.size(), matching.size() - going.size(), symlinks);
    }

    /** Carries out the plan; an entry that fails is named and the others still go. */
    public static Outcome apply(Plan plan) {
        var done = new ArrayList<Entry>();
        var failures = new ArrayList<String>();
        long freed = 0;
        for (var entry : plan.going()) {
            try {
                if (plan.rule().action() == CleanupRule.Action.COMPRESS) {
                    freed += entry.bytes() - dev.tend.logs.Gzip.compress(entry.path());
                } else {
                    delete(entry.path());
                    freed += entry.bytes();
                }
                done.add(entry);
            } catch (IOException e) {
                failures.add(entry.path() + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
            }
        }
        return new Outcome(plan, List.copyOf(done), freed, List.copyOf(failures));
    }

    /** A file, or a directory with everything in it; links inside are removed as links. */
    private static void delete(Path path) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            try (var walk = Files.walk(path)) {
                for (var inner : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(inner);
            }
        } else {
            Files.delete(path);
        }
    }

    private static Entry directory(Path directory) throws IOException {
        long bytes = 0;
        var newest = Files.getLastModifiedTime(directory, LinkOption.NOFOLLOW_LINKS).toInstant();
        try (var walk = Files.walk(directory)) {
            for (var inner : walk.toList()) {
                var attributes = Files.readAttributes(inner, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attributes.isRegularFile()) bytes += attributes.size();
                if (attributes.lastModifiedTime().toInstant().isAfter(newest)) newest = attributes.lastModifiedTime().toInstant();
            }
        }
        return new Entry(directory, bytes, newest);
    }

    /** The list as evidence: one line per entry (path, bytes, last written), and its SHA-256. */
    public static String list(List<Entry> entries) {
        var text = new StringBuilder();
        for (var entry : entries) text.append(entry.path()).append('\t').append(entry.bytes()).append('\t').append(entry.modified()).append('\n');
        return text.toString();
    }
}
