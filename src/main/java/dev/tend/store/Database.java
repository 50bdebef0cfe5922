package dev.tend.store;

import com.zaxxer.hikari.HikariDataSource;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Tend's own database, SQLite or PostgreSQL, opened and migrated by {@link Stores}. It knows no
 * feature: each feature keeps its rows through a small repository of its own, written against
 * {@link #jdbi()} in SQL that runs unchanged on both.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final String description;
    private final boolean postgres;

    Database(HikariDataSource dataSource, String description, boolean postgres) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.description = description;
        this.postgres = postgres;
    }

    /**
     * What to append to a SELECT that is about to be updated in the same transaction, so a second
     * instance waits for it: {@code FOR UPDATE} on PostgreSQL; nothing on SQLite, whose writing
     * transactions already run one at a time.
     */
    public String forUpdate() {
        return postgres ? " FOR UPDATE" : "";
    }

    /** For the rare query whose best form differs between the two (LATERAL, arrays). */
    public boolean isPostgres() {
        return postgres;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The connection pool, shared with db-scheduler (its table lives in the same database). */
    public DataSource dataSource() {
        return dataSource;
    }

    /** "SQLite tend-data/tend.db", "PostgreSQL postgresql://..." — for messages. */
    public String description() {
        return description;
    }

    /** Runs a write; a failure becomes a {@link StoreException} that says what could not be written and why. */
    public <T> T write(String what, Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            throw new StoreException("cannot write " + what + " to the store: " + e.getMessage(), e);
        }
    }

    /** The same for a write with nothing to return. */
    public void run(String what, Runnable write) {
        write(what, () -> {
            write.run();
            return null;
        });
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
