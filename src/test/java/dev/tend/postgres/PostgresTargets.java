package dev.tend.postgres;

import dev.tend.check.RunChecks;
import dev.tend.testing.PostgresServer;

/** A postgres target named db on one database of the test server, as a user's tend.yaml would declare it. */
public final class PostgresTargets {
    private PostgresTargets() {}

    public static PostgresTarget of(PostgresServer server, String database) throws Exception {
        return of(server, database, "");
    }

    /** {@code extra}: more keys of the target's flow mapping, e.g. {@code report: {check: true}}. */
    public static PostgresTarget of(PostgresServer server, String database, String extra) throws Exception {
        return (PostgresTarget) RunChecks.target("name: db, type: postgres, url: \"" + server.url(database) + "\""
                + (extra.isEmpty() ? "" : ", " + extra));
    }
}
