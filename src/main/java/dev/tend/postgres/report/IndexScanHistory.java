package dev.tend.postgres.report;

import dev.tend.check.Measurement;
import dev.tend.postgres.PostgresConnector;
import dev.tend.postgres.PostgresTarget;
import dev.tend.store.Database;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Statistics since the last reset cannot say how long an index has gone unused. Each report run
 * stores every index's idx_scan; an unused_index finding then says for how long the count has not
 * moved, according to those snapshots.
 */
public final class IndexScanHistory {
    private static final String ALL_SCANS = "SELECT format('%I.%I', schemaname, indexrelname), idx_scan FROM pg_stat_user_indexes";

    private final IndexScanSnapshots snapshots;
    private final Clock clock;

    public IndexScanHistory(Database database, Clock clock) {
        this.snapshots = new IndexScanSnapshots(database);
        this.clock = clock;
    }

    /** Records today's counts and adds "no scans for N days" to the unused_index findings. */
    public List<Finding> annotate(PostgresTarget target, List<Finding> findings) throws SQLException {
        var scans = new HashMap<String, Long>();
        try (var connection = PostgresConnector.open(target, target.settings().timeout());
                var statement = connection.createStatement(); var rows = statement.executeQuery(ALL_SCANS)) {
            while (rows.next()) scans.put(rows.getString(1), rows.getLong(2));
        }
        var now = clock.instant();
        snapshots.save(target.name(), now, scans);
        var since = snapshots.unscannedSince(target.name(), scans);
        var annotated = new ArrayList<Finding>();
        for (var finding : findings) {
            var from = finding.kind().equals("unused_index") ? since.get(finding.object()) : null;
            if (from == null) {
                annotated.add(finding);
                continue;
            }
            long days = Duration.between(from, now).toDays();
            var detail = finding.detail() + (days >= 1
                    ? "; no scans for " + days + " days (Tend's snapshots since " + LocalDate.ofInstant(from, ZoneOffset.UTC) + ")"
                    : "; Tend started following its scans today");
            var figures = new ArrayList<>(finding.figures());
            figures.add(new Measurement("unused_days", days, "days"));
            annotated.add(finding.withDetail(detail, List.copyOf(figures)));
        }
        return annotated;
    }
}
