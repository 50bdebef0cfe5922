package dev.tend.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The migrations this build ships, read from the class path by name only. Each feature adds its
 * own files (docs/adr/0012-features-own-their-tables-and-sections.md), so the newest version is
 * found here rather than kept in a constant every new table would have to edit.
 */
final class Migrations {
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__\\w+\\.sql");

    private Migrations() {}

    static String location(String dialect) {
        return "db/migration/" + dialect;
    }

    /** The highest version among db/migration/DIALECT/V<n>__*.sql, in a jar or a directory. */
    static OptionalInt newest(String dialect) {
        return newest(Migrations.class.getClassLoader(), location(dialect));
    }

    static OptionalInt newest(ClassLoader loader, String location) {
        return names(loader, location).stream().map(VERSIONED::matcher).filter(java.util.regex.Matcher::matches)
                .mapToInt(matcher -> Integer.parseInt(matcher.group(1))).max();
    }

    static List<String> names(ClassLoader loader, String location) {
        var url = loader.getResource(location);
        if (url == null) return List.of();
        try {
            if (url.getProtocol().equals("jar")) {
                var connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false); // a JarFile of our own, closed below; the shared one stays open
                var prefix = connection.getEntryName() + "/";
                var names = new ArrayList<String>();
                try (var jar = connection.getJarFile()) {
                    jar.stream().map(entry -> entry.getName()).filter(name -> name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0)
                            .forEach(name -> names.add(name.substring(prefix.length())));
                }
                return names;
            }
            try (var files = Files.list(Path.of(url.toURI()))) {
                return files.map(file -> file.getFileName().toString()).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the migrations in " + location, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list the migrations in " + location, e);
        }
    }
}
