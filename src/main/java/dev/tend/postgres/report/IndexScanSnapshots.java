package dev.tend.postgres.report;

import dev.tend.store.Database;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** The index_scan_snapshot table: each index's idx_scan, a row only where it changed. */
public final class IndexScanSnapshots {
    private final Database database;

    public IndexScanSnapshots(Database database) {
        this.database = database;
    }

    /** Records the idx_scan of each index (schema-qualified name → scans) at one moment, where it changed. */
    public void save(String target, Instant at, Map<String, Long> scans) {
        if (scans.isEmpty()) return;
        database.run("index scan snapshots", () -> database.jdbi().useTransaction(handle -> {
            // Only change points are kept: a row when an index is first seen or its count moved.
            // The table then grows with activity, not with every report run.
            var latest = latest(handle, target);
            var batch = handle.prepareBatch("INSERT INTO index_scan_snapshot (target, index_name, idx_scan, taken_at) "
                    + "VALUES (:target, :index, :scans, :at)");
            int rows = 0;
            for (var entry : scans.entrySet()) {
                var previous = latest.get(entry.getKey());
                if (previous != null && previous.scans() == entry.getValue()) continue;
                batch.bind("target", target).bind("index", entry.getKey()).bind("scans", entry.getValue())
                        .bind("at", at.toEpochMilli()).add();
                rows++;
            }
            if (rows > 0) batch.execute();
        }));
    }

    /**
     * For each given index and its current idx_scan, since when every snapshot has shown that same
     * value — i.e. how long it has gone unscanned. Indexes without such a snapshot are left out.
     */
    public Map<String, Instant> unscannedSince(String target, Map<String, Long> current) {
        var latest = database.jdbi().withHandle(handle -> latest(handle, target));
        var since = new HashMap<String, Instant>();
        current.forEach((index, scans) -> {
            var point = latest.get(index);
            if (point != null && point.scans() == scans) since.put(index, point.at());
        });
        return since;
    }

    private record ScanPoint(long scans, Instant at) {}

    /** The latest change point of each index of a target. */
    private static Map<String, ScanPoint> latest(Handle handle, String target) {
        var latest = new HashMap<String, ScanPoint>();
        handle.createQuery("SELECT index_name, idx_scan, taken_at FROM index_scan_snapshot WHERE id IN "
                        + "(SELECT max(id) FROM index_scan_snapshot WHERE target = :target GROUP BY index_name)")
                .bind("target", target)
                .map((row, context) -> Map.entry(row.getString(1), new ScanPoint(row.getLong(2), Instant.ofEpochMilli(row.getLong(3)))))
                .forEach(entry -> latest.put(entry.getKey(), entry.getValue()));
        return latest;
    }
}
