package dev.tend.report;

import dev.tend.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The report table: reports kept as evidence, each signed at most once. */
public final class Reports {
    private static final String COLUMNS = "id, kind, name, period, created_at, markdown, data, signed_by, signer_role, comment, signed_at";
    private final Database database;

    public Reports(Database database) {
        this.database = database;
    }

    /** Keeps a report; returns its id. */
    public long save(String kind, String name, String period, Instant at, String markdown, String data) {
        return database.write("the report", () -> database.jdbi().withHandle(handle -> handle.createUpdate("INSERT INTO report "
                        + "(kind, name, period, created_at, markdown, data) VALUES (:kind, :name, :period, :at, :markdown, :data)")
                .bind("kind", kind).bind("name", name).bind("period", period).bind("at", at.toEpochMilli()).bind("markdown", markdown).bind("data", data)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one()));
    }

    /** Signs a report not signed yet; false when someone signed it first. */
    public boolean sign(long id, StoredReport.Signature signature) {
        return database.write("the signature", () -> database.jdbi().withHandle(handle -> handle.createUpdate("UPDATE report SET signed_by = :person, "
                        + "signer_role = :role, comment = :comment, signed_at = :at WHERE id = :id AND signed_at IS NULL")
                .bind("person", signature.person()).bind("role", signature.role()).bind("comment", signature.comment())
                .bind("at", signature.at().toEpochMilli()).bind("id", id).execute())) == 1;
    }

    public Optional<StoredReport> byId(long id) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM report WHERE id = :id")
                .bind("id", id).map((rows, context) -> read(rows)).findOne());
    }

    /** The newest reports of a kind (and name, when given), newest first. */
    public List<StoredReport> recent(String kind, String name, int limit) {
        return database.jdbi().withHandle(handle -> {
            var query = handle.createQuery("SELECT " + COLUMNS + " FROM report WHERE kind = :kind" + (name == null ? "" : " AND name = :name")
                    + " ORDER BY id DESC LIMIT :limit").bind("kind", kind).bind("limit", limit);
            if (name != null) query.bind("name", name);
            return query.map((rows, context) -> read(rows)).list();
        });
    }

    /** Every kept report (any kind), newest first. */
    public List<StoredReport> newest(int limit) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM report ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit).map((rows, context) -> read(rows)).list());
    }

    /** The newest signed report of a kind (and name) signed in [from, to). */
    public Optional<StoredReport> signedBetween(String kind, String name, Instant from, Instant to) {
        return recent(kind, name, 200).stream().filter(report -> report.signature().filter(signature -> !signature.at().isBefore(from)
                && signature.at().isBefore(to)).isPresent()).findFirst();
    }

    private static StoredReport read(java.sql.ResultSet row) throws java.sql.SQLException {
        var signedAt = row.getObject(11);
        Optional<StoredReport.Signature> signature = signedAt == null ? Optional.empty()
                : Optional.of(new StoredReport.Signature(row.getString(8), row.getString(9), row.getString(10), Instant.ofEpochMilli(row.getLong(11))));
        return new StoredReport(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), Instant.ofEpochMilli(row.getLong(5)),
                row.getString(6), row.getString(7), signature);
    }
}
