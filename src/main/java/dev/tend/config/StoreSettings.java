package dev.tend.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where Tend keeps its records: a SQLite file (the default, under ./tend-data/) or a PostgreSQL
 * database given by a JDBC URL.
 */
public record StoreSettings(Optional<String> postgresUrl, Optional<String> user, Optional<Secret> password, Path sqliteFile) {

    public static final Path DEFAULT_SQLITE = Path.of("tend-data", "tend.db");

    public static StoreSettings sqlite(Path file) {
        return new StoreSettings(Optional.empty(), Optional.empty(), Optional.empty(), file);
    }

    public boolean isPostgres() {
        return postgresUrl.isPresent();
    }

    /** Where the store is, for output; never includes credentials. */
    public String describe() {
        return postgresUrl.map(url -> "PostgreSQL " + url.replaceFirst("^jdbc:", "").replaceFirst("\\?.*$", ""))
                .orElse("SQLite " + sqliteFile);
    }
}
