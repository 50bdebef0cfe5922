// Fills a Tend store with a long history straight through JDBC: TARGETS checks (one "connect"
// check per target) every INTERVAL minutes for DAYS days up to now; about 1% WARN and 0.5% CRIT.
// Then rebuilds check_latest and rolls up every day, timing each part. Run as a single-file
// program on Tend's class path (the store is opened, and migrated, by Tend itself):
//
//   java -cp "target/classes:$(cat target/classpath.txt)" bench/HistoryData.java STORE.db TARGETS DAYS INTERVAL_MIN CONFIG
//
// Prints "RESULT rows=... insert_s=... latest_s=... rollup_s=... rollup_days=..."

import dev.tend.check.DailyRollups;
import dev.tend.config.StoreSettings;
import dev.tend.registry.BuiltIn;
import dev.tend.schedule.WindowsSection;
import dev.tend.store.Stores;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Random;

public class HistoryData {
    public static void main(String[] args) throws Exception {
        var store = Path.of(args[0]);
        int targets = Integer.parseInt(args[1]);
        int days = Integer.parseInt(args[2]);
        int interval = Integer.parseInt(args[3]);
        var config = BuiltIn.configLoader(System::getenv).load(Path.of(args[4]));
        var now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        var start = now.minus(days, ChronoUnit.DAYS);
        var random = new Random(42);
        long rows = 0;
        long began = System.nanoTime();
        try (var database = Stores.open(StoreSettings.sqlite(store))) {
            try (var connection = database.dataSource().getConnection()) {
                // Bulk load: indexes built once at the end (sorted), not row by row; a throwaway store needs no fsync.
                try (var statement = connection.createStatement()) {
                    statement.execute("PRAGMA synchronous = OFF");
                    statement.execute("PRAGMA cache_size = -1000000");
                    statement.execute("DROP INDEX IF EXISTS check_result_by_check");
                    statement.execute("DROP INDEX IF EXISTS check_result_started");
                }
                connection.setAutoCommit(false);
                try (var insert = connection.prepareStatement("INSERT INTO check_result (target, check_name, status, reason, measurements, started_at, duration_ms) "
                        + "VALUES (?, 'connect', ?, ?, '[]', ?, ?)")) {
                    int batch = 0;
                    for (var at = start; at.isBefore(now); at = at.plus(interval, ChronoUnit.MINUTES)) {
                        for (int target = 1; target <= targets; target++) {
                            double roll = random.nextDouble();
                            var status = roll < 0.005 ? "CRIT" : roll < 0.015 ? "WARN" : "OK";
                            insert.setString(1, "t" + target);
                            insert.setString(2, status);
                            insert.setString(3, status.equals("OK") ? "connected" : status.equals("WARN") ? "slow to connect" : "connection refused");
                            insert.setLong(4, at.toEpochMilli() + target);
                            insert.setLong(5, 1 + random.nextInt(40));
                            insert.addBatch();
                            rows++;
                            if (++batch == 20_000) {
                                insert.executeBatch();
                                connection.commit();
                                batch = 0;
                            }
                        }
                    }
                    insert.executeBatch();
                    connection.commit();
                }
                connection.setAutoCommit(true);
                try (var statement = connection.createStatement()) {
                    statement.execute("CREATE INDEX check_result_by_check ON check_result (target, check_name, id)");
                    statement.execute("CREATE INDEX check_result_started ON check_result (started_at)");
                    statement.execute("PRAGMA synchronous = NORMAL");
                }
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
}
