// Fills the store of CONFIG (SQLite or PostgreSQL) with a long history: TARGETS checks (one
// "connect" check per target) every INTERVAL minutes for DAYS days up to now; about 1% WARN and
// 0.5% CRIT; batched inserts into SQLite, COPY into PostgreSQL, indexes built once at the end.
// Then rebuilds check_latest and rolls up every day, timing each part. Run as a single-file
// program on Tend's class path (the store is opened, and migrated, by Tend itself):
//
//   java -cp "target/classes:$(cat target/classpath.txt)" bench/HistoryData.java TARGETS DAYS INTERVAL_MIN CONFIG [DISKS]
//
// With DISKS, every result carries measurements as Tend's checks record them: targets t1..tDISKS
// are hosts whose "disk:/data" check measures "used" (%, each volume filling at its own rate)
// and "free", the others' "connect" measures "latency" — the series the capacity report forecasts.
//
// Prints "RESULT rows=... insert_s=... latest_s=... rollup_s=... rollup_days=..."

import dev.tend.check.DailyRollups;
import dev.tend.registry.BuiltIn;
import dev.tend.schedule.WindowsSection;
import dev.tend.store.Stores;
import org.postgresql.PGConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Random;

public class HistoryData {
    public static void main(String[] args) throws Exception {
        int targets = Integer.parseInt(args[0]);
        int days = Integer.parseInt(args[1]);
        int interval = Integer.parseInt(args[2]);
        var config = BuiltIn.configLoader(System::getenv).load(Path.of(args[3]));
        int disks = args.length > 4 ? Integer.parseInt(args[4]) : -1;
        var now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        var start = now.minus(days, ChronoUnit.DAYS);
        var random = new Random(42);
        long rows = 0;
        long began = System.nanoTime();
        try (var database = Stores.open(config.store())) {
            try (var connection = database.dataSource().getConnection()) {
                var rowsOut = new Rows(targets, start, now, interval, random, disks);
                if (config.store().isPostgres()) rows = loadPostgres(connection, rowsOut); else rows = loadSqlite(connection, rowsOut);
            }
            double insertSeconds = (System.nanoTime() - began) / 1e9;
            began = System.nanoTime();
            database.jdbi().useHandle(handle -> {
                handle.execute("DELETE FROM check_latest");
                handle.execute("INSERT INTO check_latest (target, check_name, result_id) SELECT target, check_name, max(id) FROM check_result GROUP BY target, check_name");
            });
            double latestSeconds = (System.nanoTime() - began) / 1e9;
            began = System.nanoTime();
            var rollups = new DailyRollups(database, WindowsSection.calendar(config));
            int rolled = 0;
            for (var day = LocalDate.ofInstant(start, ZoneOffset.UTC); !day.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC)); day = day.plusDays(1)) {
                rollups.rollUp(day);
                rolled++;
            }
            double rollupSeconds = (System.nanoTime() - began) / 1e9;
            System.out.printf(java.util.Locale.ROOT, "RESULT rows=%d insert_s=%.1f latest_s=%.1f rollup_s=%.1f rollup_days=%d rollup_per_day_s=%.2f%n",
                    rows, insertSeconds, latestSeconds, rollupSeconds, rolled, rollupSeconds / rolled);
        }
    }

    /** The generated results in order: time, then target. */
    static final class Rows {
        final int targets;
        final Instant end;
        final int interval;
        final Random random;
        Instant at;
        int target;

        final int disks;
        final Instant start;

        Rows(int targets, Instant start, Instant end, int interval, Random random, int disks) {
            this.targets = targets;
            this.disks = disks;
            this.start = start;
            this.at = start;
            this.end = end;
            this.interval = interval;
            this.random = random;
        }

        /** Fills the row and moves on; false when there are no more. */
        boolean next(String[] row) {
            if (target == targets) {
                target = 0;
                at = at.plus(interval, ChronoUnit.MINUTES);
            }
            if (!at.isBefore(end)) return false;
            target++;
            double roll = random.nextDouble();
            var status = roll < 0.005 ? "CRIT" : roll < 0.015 ? "WARN" : "OK";
            row[0] = "t" + target;
            row[1] = status;
            row[2] = status.equals("OK") ? "connected" : status.equals("WARN") ? "slow to connect" : "connection refused";
            row[3] = Long.toString(at.toEpochMilli() + target);
            row[4] = Integer.toString(1 + random.nextInt(40));
            row[5] = target <= disks ? "disk:/data" : "connect";
            if (disks < 0) {
                row[6] = "[]";
            } else if (target <= disks) {
                // From 30% at the start, each volume at its own rate (0.05..0.5 points a day), with noise.
                double days = (at.toEpochMilli() - start.toEpochMilli()) / 86_400_000.0;
                double used = 30 + days * (0.05 + 0.45 * target / disks) + random.nextGaussian() * 0.3;
                row[6] = "[{\"name\":\"used\",\"value\":" + String.format(java.util.Locale.ROOT, "%.2f", used)
                        + ",\"unit\":\"%\"},{\"name\":\"free\",\"value\":" + (long) ((100 - used) * 1e10) + ",\"unit\":\"bytes\"}]";
            } else {
                row[6] = "[{\"name\":\"latency\",\"value\":" + row[4] + ".0,\"unit\":\"ms\"}]";
            }
            return true;
        }
    }

    private static long loadSqlite(Connection connection, Rows rows) throws Exception {
        long count = 0;
        try (var statement = connection.createStatement()) {
            // A throwaway store needs no fsync.
            statement.execute("PRAGMA synchronous = OFF");
            statement.execute("PRAGMA cache_size = -1000000");
        }
        dropIndexes(connection);
        connection.setAutoCommit(false);
        try (var insert = connection.prepareStatement("INSERT INTO check_result (target, check_name, status, reason, measurements, started_at, duration_ms) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            var row = new String[7];
            while (rows.next(row)) {
                insert.setString(1, row[0]);
                insert.setString(2, row[5]);
                insert.setString(3, row[1]);
                insert.setString(4, row[2]);
                insert.setString(5, row[6]);
                insert.setLong(6, Long.parseLong(row[3]));
                insert.setLong(7, Long.parseLong(row[4]));
                insert.addBatch();
                if (++count % 20_000 == 0) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
        connection.setAutoCommit(true);
        createIndexes(connection);
        try (var statement = connection.createStatement()) {
            statement.execute("PRAGMA synchronous = NORMAL");
        }
        return count;
    }

    private static long loadPostgres(Connection connection, Rows rows) throws Exception {
        long count = 0;
        try (var statement = connection.createStatement()) {
            statement.execute("SET statement_timeout = 0"); // Tend's 30 s bound is for its own queries, not a bulk load; reset below
        }
        dropIndexes(connection);
        var copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY check_result (target, check_name, status, reason, measurements, started_at, duration_ms) FROM STDIN");
        var buffer = new StringBuilder(1 << 20);
        var row = new String[7];
        while (rows.next(row)) {
            buffer.append(row[0]).append('\t').append(row[5]).append('\t').append(row[1]).append('\t').append(row[2]).append('\t').append(row[6])
                    .append('\t').append(row[3]).append('\t').append(row[4]).append('\n');
            count++;
            if (buffer.length() > (1 << 20) - 200) {
                var bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                buffer.setLength(0);
            }
        }
        var bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        copy.endCopy();
        createIndexes(connection);
        try (var statement = connection.createStatement()) {
            statement.execute("ANALYZE check_result");
            statement.execute("RESET statement_timeout");
        }
        return count;
    }

    private static void dropIndexes(Connection connection) throws Exception {
        try (var statement = connection.createStatement()) {
            statement.execute("DROP INDEX IF EXISTS check_result_by_check");
            statement.execute("DROP INDEX IF EXISTS check_result_started");
        }
    }

    private static void createIndexes(Connection connection) throws Exception {
        try (var statement = connection.createStatement()) {
            statement.execute("CREATE INDEX check_result_by_check ON check_result (target, check_name, id)");
            statement.execute("CREATE INDEX check_result_started ON check_result (started_at)");
        }
    }
}
