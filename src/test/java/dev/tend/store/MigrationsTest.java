package dev.tend.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.net.URLClassLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a current store skips Flyway when its schema has the newest migration found on the class path. */
class MigrationsTest {

    @Test
    void latestMigrationNamesTheNewestFileForBothDatabases() throws Exception {
        for (var database : new String[] {"sqlite", "postgresql"}) {
            try (var files = Files.list(Path.of("src/main/resources/db/migration", database))) {
                var newest = files.map(file -> file.getFileName().toString())
                        .filter(name -> name.matches("V\\d+__.*\\.sql"))
                        .map(name -> name.substring(1, name.indexOf("__")))
                        .max(Comparator.comparingInt(Integer::parseInt))
                        .orElseThrow();
                assertThat(String.valueOf(Migrations.newest(database).orElseThrow())).as(database).isEqualTo(newest);
            }
        }
    }

    @Test
    void bothDialectsHaveTheSameVersionsEachNamingItsFeature() throws Exception {
        var sqlite = versions("sqlite");
        var postgresql = versions("postgresql");

        assertThat(sqlite.keySet()).as("versions").isEqualTo(postgresql.keySet());
        assertThat(sqlite).as("each version has one description in both dialects").isEqualTo(postgresql);
    }

    private static java.util.Map<Integer, String> versions(String dialect) throws Exception {
        try (var files = Files.list(Path.of("src/main/resources/db/migration", dialect))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .collect(java.util.stream.Collectors.toMap(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))),
                            name -> name.substring(name.indexOf("__") + 2)));
        }
    }

    @Test
    void theNewestVersionIsFoundInAJarAsTheLauncherRunsTend(@TempDir Path directory) throws Exception {
        var jar = directory.resolve("tend.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
            // As the jar tool writes it (the launcher's tend.jar): directory entries first.
            for (var name : new String[] {"db/", "db/migration/", "db/migration/sqlite/", "db/migration/sqlite/nested/",
                    "db/migration/postgresql/", "db/migration/sqlite/V2__check_results.sql", "db/migration/sqlite/V12__alert_alerts.sql",
                    "db/migration/sqlite/README.md", "db/migration/sqlite/nested/V99__not_here.sql", "db/migration/postgresql/V40__x.sql"}) {
                out.putNextEntry(new JarEntry(name));
                out.closeEntry();
            }
        }
        try (var loader = new URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
            assertThat(Migrations.newest(loader, "db/migration/sqlite")).hasValue(12);
            assertThat(Migrations.newest(loader, "db/migration/none")).isEmpty();
        }
    }
}
