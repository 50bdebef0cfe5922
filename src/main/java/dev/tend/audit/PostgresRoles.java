package dev.tend.audit;

import dev.tend.check.DailyRollups;
import dev.tend.postgres.PostgresConnectionsCheck;
import dev.tend.postgres.PostgresConnector;
import dev.tend.postgres.PostgresTarget;
import java.sql.Array;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL server's own roles. PostgreSQL keeps no last login, so "last seen" is the last day
 * Tend's connections check saw a session of the role in pg_stat_activity.
 */
final class PostgresRoles {
    private static final String ROLES = """
            SELECT r.rolname, r.rolsuper, r.rolcanlogin, r.rolcreaterole, r.rolvaliduntil,
                   ARRAY(SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid ORDER BY 1)
            FROM pg_roles r WHERE r.rolname NOT LIKE 'pg\\_%' ORDER BY 1""";

    private PostgresRoles() {}

    static Listing list(PostgresTarget target, AccessReviewSettings settings, DailyRollups rollups, Instant now, Duration timeout) throws Exception {
        var seen = rollups.lastSeen(target.name(), "connections", PostgresConnectionsCheck.SESSIONS);
        var accounts = new ArrayList<Account>();
        try (var connection = PostgresConnector.open(target, timeout);
                var statement = connection.createStatement();
                var rows = statement.executeQuery(ROLES)) {
            while (rows.next()) {
                var name = rows.getString(1);
                List<String> memberOf = Arrays.asList((String[]) ((Array) rows.getArray(6)).getArray());
                boolean superuser = rows.getBoolean(2);
                // A group role (NOLOGIN) is not an account: its members are the administrators.
                boolean admin = !superuser && rows.getBoolean(3) && (rows.getBoolean(4) || settings.adminRoles().contains(name)
                        || memberOf.stream().anyMatch(settings.adminRoles()::contains));
                var notes = new ArrayList<String>();
                var validUntil = rows.getTimestamp(5);
                if (validUntil != null && rows.getBoolean(3)) {
                    var until = validUntil.toInstant();
                    if (until.isBefore(now)) notes.add("password expired " + LocalDate.ofInstant(until, ZoneOffset.UTC));
                    else if (until.isBefore(now.plus(Duration.ofDays(14)))) notes.add("password expires " + LocalDate.ofInstant(until, ZoneOffset.UTC));
                    else notes.add("password valid until " + LocalDate.ofInstant(until, ZoneOffset.UTC));
                }
                if (rows.getBoolean(4)) notes.add("can create roles");
                Optional<Instant> lastSeen = Optional.ofNullable(seen.get(PostgresConnectionsCheck.SESSIONS + name))
                        .map(day -> day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1));
                accounts.add(new Account(name, memberOf, superuser, admin, rows.getBoolean(3), lastSeen, List.copyOf(notes)));
            }
        }
        var notes = new ArrayList<String>();
        notes.add(Optional.ofNullable(seen.get("")).map(first -> "last seen: days on which Tend's connections check saw a session of the role, recorded since " + first)
                .orElse("last seen: Tend has no record of sessions yet (its connections check records them)"));
        return new Listing("roles of PostgreSQL " + target.where(), accounts, notes);
    }

    /** The first day sessions were recorded, if any: before that, "never seen" proves nothing. */
    static Optional<LocalDate> recordedSince(PostgresTarget target, DailyRollups rollups) {
        return Optional.ofNullable(rollups.lastSeen(target.name(), "connections", PostgresConnectionsCheck.SESSIONS).get(""));
    }
}
