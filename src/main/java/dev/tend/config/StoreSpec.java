package dev.tend.config;

import dev.tend.config.spec.Fields;
import dev.tend.config.spec.Problems;
import java.nio.file.Path;
import java.util.Optional;

/** Turns the {@code store:} mapping into {@link StoreSettings}, objecting to contradictions. */
final class StoreSpec {
    private StoreSpec() {}

    static StoreSettings read(Fields store, Problems problems) {
        var path = store.<Path>value("path");
        if (!store.has("url")) {
            if (store.has("user") || store.has("password")) {
                problems.at(store.node(), store.path(), "user and password need a PostgreSQL url", "add url: postgresql://HOST:5432/tend");
            }
            return StoreSettings.sqlite(path == null ? StoreSettings.DEFAULT_SQLITE : path);
        }
        if (path != null) {
            problems.at(store.nodeOf("path"), store.pathOf("path"), "give either url (PostgreSQL) or path (SQLite), not both", null);
        }
        var parsed = PostgresUrl.parse(store.string("url"));
        if (parsed.problem() != null) {
            problems.at(store.nodeOf("url"), store.pathOf("url"), parsed.problem(),
                    "postgresql://USER@HOST:5432/tend, the password in password:; for SQLite use path: instead");
            return null;
        }
        var url = parsed.url();
        if (store.has("user") && url.user().isPresent() && !url.user().get().equals(store.string("user"))) {
            problems.at(store.nodeOf("user"), store.pathOf("user"), "the URL names another user", "give the user in one place");
        }
        Optional<String> user = store.optionalString("user").or(url::user);
        return new StoreSettings(Optional.of(url.jdbcUrl()), user, store.secret("password"), StoreSettings.DEFAULT_SQLITE);
    }
}
