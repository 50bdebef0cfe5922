package dev.tend.logs.cleanup;

import dev.tend.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** The cleanup_run table: what each cleanup removed, as a list and its hash, kept as evidence. */
public final class CleanupRuns {
    private final Database store;

    public CleanupRuns(Database store) {
        this.store = store;
    }

    public record Run(String rule, Instant at, String action, long entries, long bytes, long failures, String sha256) {}

    /** Records the outcome; returns the list's SHA-256. */
    public String record(Cleanup.Outcome outcome, Instant at) {
        var list = Cleanup.list(outcome.done());
        var sha256 = sha256(list);
        store.run("the cleanup record of " + outcome.plan().rule().name(), () -> store.jdbi().useHandle(handle -> handle.createUpdate(
                        "INSERT INTO cleanup_run (rule, at, action, entries, bytes, failures, list_sha256, list) "
                                + "VALUES (:rule, :at, :action, :entries, :bytes, :failures, :sha, :list)")
                .bind("rule", outcome.plan().rule().name()).bind("at", at.toEpochMilli()).bind("action", outcome.plan().rule().action().name().toLowerCase(java.util.Locale.ROOT))
                .bind("entries", outcome.done().size()).bind("bytes", outcome.freed()).bind("failures", outcome.failures().size())
                .bind("sha", sha256).bind("list", list).execute()));
        return sha256;
    }

    public List<Run> recent(String rule, int limit) {
        return store.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT rule, at, action, entries, bytes, failures, list_sha256 FROM cleanup_run WHERE rule = :rule ORDER BY at DESC LIMIT :limit")
                .bind("rule", rule).bind("limit", limit)
                .map((row, context) -> new Run(row.getString(1), Instant.ofEpochMilli(row.getLong(2)), row.getString(3), row.getLong(4), row.getLong(5),
                        row.getLong(6), row.getString(7)))
                .list());
    }

    /** The list recorded for a run, to check against its hash. */
    public String list(String rule, Instant at) {
        return store.jdbi().withHandle(handle -> handle.createQuery("SELECT list FROM cleanup_run WHERE rule = :rule AND at = :at")
                .bind("rule", rule).bind("at", at.toEpochMilli()).mapTo(String.class).one());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
