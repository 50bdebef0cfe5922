package dev.tend.config;

import dev.tend.config.spec.Fields;
import dev.tend.config.spec.Problems;
import java.nio.file.Path;
import java.util.Optional;

/** Turns the {@code store:} mapping into {@link StoreSettings}, objecting to contradictions. */
final class StoreSpec {
    private StoreSpec() {}

    static StoreSettings read(Fields store, Problems problems) {
        var path = Path.of(store.optionalString("path").orElse(StoreSettings.DEFAULT_SQLITE.toString()));
        if (!store.has("url")) {
            if (store.has("user") || store.has("password")) {
                problems.at(store.node(), store.path(), "user and password need a PostgreSQL url", "add url: postgresql://HOST:5432/tend");
            }
            return StoreSettings.sqlite(path);
        }
        if (store.has("path")) {
            problems.at(store.nodeOf("path"), store.pathOf("path"), "give either url (PostgreSQL) or path (SQLite), not both", null);
        }
        var url = store.string("url");
        Optional<String> user = store.optionalString("user");
        String jdbc;
        if (url.startsWith("jdbc:postgresql://")) {
            jdbc = url;
        } else if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
            var rest = url.substring(url.indexOf("://") + 3);
            int at = rest.indexOf('@');
            if (at >= 0) {
                var userInfo = rest.substring(0, at);
                if (userInfo.contains(":")) {
                    problems.at(store.nodeOf("url"), store.pathOf("url"), "the URL contains a password",
                            "move it to password: \"${env:TEND_DB_PASSWORD}\"");
                }
                user = Optional.of(userInfo.replaceFirst(":.*", ""));
                rest = rest.substring(at + 1);
            }
            jdbc = "jdbc:postgresql://" + rest;
        } else {
            problems.at(store.nodeOf("url"), store.pathOf("url"), "the store URL must be a PostgreSQL URL",
                    "postgresql://USER@HOST:5432/tend; for SQLite use path: instead");
            return null;
        }
        return new StoreSettings(Optional.of(jdbc), user, store.secret("password"), path);
    }
}
