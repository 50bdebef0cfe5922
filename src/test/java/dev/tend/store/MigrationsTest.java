package dev.tend.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/** Opening a current store skips Flyway, so the constant it compares with must name the newest migration. */
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
                assertThat(newest).as(database).isEqualTo(Stores.LATEST_MIGRATION);
            }
        }
    }
}
