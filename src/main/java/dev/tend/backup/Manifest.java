package dev.tend.backup;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a backup holds, written next to it as manifest.json: enough to check it (sizes, SHA-256),
 * to judge a restore (row or key counts) and to explain it (tools, versions, timing) without Tend.
 */
public record Manifest(
        String manifestVersion,
        String id,
        String backup,
        String kind,
        String target,
        String source,
        String format,
        Instant startedAt,
        Instant finishedAt,
        Map<String, String> versions,
        List<FileEntry> files,
        long sizeBytes,
        long databaseSizeBytes,
        String rowCounts,
        List<TableRows> tables,
        Map<String, Long> keys,
        String retentionClass) {

    public static final String VERSION = "tend-backup/1";
    public static final String FILE = "manifest.json";
    public static final String SUMS = "SHA256SUMS";

    /** One file of the backup, by its path relative to the backup's directory. */
    public record FileEntry(String name, long bytes, String sha256) {}

    /** A table's row count at the dump's snapshot (or the planner's estimate, per {@link #rowCounts}). */
    public record TableRows(String schema, String table, long rows) {
        public String qualified() {
            return schema + "." + table;
        }
    }

    public boolean exactCounts() {
        return "exact".equals(rowCounts);
    }

    /** The SHA-256 of the main file (the dump, or the table of contents of a directory dump). */
    public String sha256() {
        return files.isEmpty() ? "" : files.get(0).sha256();
    }

    public long rows() {
        return tables.stream().mapToLong(TableRows::rows).sum();
    }
}
