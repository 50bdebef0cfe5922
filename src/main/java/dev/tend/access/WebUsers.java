package dev.tend.access;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.tend.store.Database;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The web_user and login_failure tables: who may log in, with a bcrypt hash of their password,
 * and the failed attempts that lock a name for a while ({@link #MAX_FAILURES} within
 * {@link #LOCKOUT}). The lock is per name and in the store, so every instance enforces it.
 */
public final class WebUsers {
    public static final int COST = 12;
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    static final int MIN_PASSWORD = 12;
    private final Database database;
    private final int cost;

    public WebUsers(Database database) {
        this(database, COST);
    }

    /** @param cost bcrypt's cost for new hashes (tests use a low one; a hash keeps its own) */
    public WebUsers(Database database, int cost) {
        this.database = database;
        this.cost = cost;
    }

    public record User(String name, Role role, Instant updatedAt) {}

    /** Why a login failed, in words that do not say whether the name exists. */
    public enum Refusal { WRONG, LOCKED }

    public void setPassword(String name, Role role, char[] password, Instant now) {
        if (password.length < MIN_PASSWORD) throw new IllegalArgumentException("the password is too short: use at least " + MIN_PASSWORD + " characters");
        var hash = new String(BCrypt.withDefaults().hash(cost, password), StandardCharsets.US_ASCII);
        database.run("the user", () -> database.jdbi().useHandle(handle -> handle.createUpdate(
                        "INSERT INTO web_user (name, role, password, updated_at) VALUES (:name, :role, :hash, :at) "
                                + "ON CONFLICT (name) DO UPDATE SET role = excluded.role, password = excluded.password, updated_at = excluded.updated_at")
                .bind("name", name).bind("role", role.name()).bind("hash", hash).bind("at", now.toEpochMilli()).execute()));
    }

    public List<User> list() {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT name, role, updated_at FROM web_user ORDER BY name")
                .map((row, context) -> new User(row.getString(1), Role.valueOf(row.getString(2)), Instant.ofEpochMilli(row.getLong(3)))).list());
    }

    public Optional<User> find(String name) {
        return list().stream().filter(user -> user.name().equals(name)).findFirst();
    }

    public boolean remove(String name) {
        return database.write("the user", () -> database.jdbi().withHandle(handle -> {
            handle.createUpdate("DELETE FROM web_session WHERE name = :name").bind("name", name).execute();
            return handle.createUpdate("DELETE FROM web_user WHERE name = :name").bind("name", name).execute();
        })) > 0;
    }

    /** What a login attempt came to: the user, or why not. */
    public record Login(Optional<User> user, Optional<Refusal> refusal) {}

    /**
     * Checks a login. A locked name is refused without looking at the password (so a guess during
     * the lock teaches nothing); a wrong password counts towards the lock; a right one clears it.
     */
    public Login login(String name, char[] password, Instant now) {
        if (lockedUntil(name, now).isPresent()) return new Login(Optional.empty(), Optional.of(Refusal.LOCKED));
        var stored = database.jdbi().withHandle(handle -> handle.createQuery("SELECT role, password FROM web_user WHERE name = :name")
                .bind("name", name).map((row, context) -> new String[] {row.getString(1), row.getString(2)}).findOne());
        // An unknown name costs the same bcrypt work as a known one: timing does not tell names apart.
        var hash = stored.map(row -> row[1]).orElseGet(this::decoy);
        boolean ok = BCrypt.verifyer().verify(password, hash.getBytes(StandardCharsets.US_ASCII)).verified && stored.isPresent();
        if (!ok) {
            fail(name, now);
            return new Login(Optional.empty(), Optional.of(lockedUntil(name, now).isPresent() ? Refusal.LOCKED : Refusal.WRONG));
        }
        database.run("the login", () -> database.jdbi().useHandle(handle -> handle.createUpdate("DELETE FROM login_failure WHERE name = :name")
                .bind("name", name).execute()));
        return new Login(Optional.of(new User(name, Role.valueOf(stored.get()[0]), now)), Optional.empty());
    }

    private String decoyHash;

    private synchronized String decoy() {
        if (decoyHash == null) decoyHash = new String(BCrypt.withDefaults().hash(cost, "no such user".toCharArray()), StandardCharsets.US_ASCII);
        return decoyHash;
    }

    public Optional<Instant> lockedUntil(String name, Instant now) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT locked_until FROM login_failure WHERE name = :name AND locked_until > :now")
                .bind("name", name).bind("now", now.toEpochMilli()).mapTo(Long.class).findOne()).map(Instant::ofEpochMilli);
    }

    private void fail(String name, Instant now) {
        database.run("the login failure", () -> database.jdbi().useTransaction(handle -> {
            var row = handle.createQuery("SELECT failures, first_at FROM login_failure WHERE name = :name").bind("name", name)
                    .map((r, context) -> new long[] {r.getLong(1), r.getLong(2)}).findOne();
            // Failures older than the lockout period are forgiven: the count starts again.
            boolean fresh = row.isEmpty() || row.get()[1] < now.minus(LOCKOUT).toEpochMilli();
            int failures = fresh ? 1 : (int) row.get()[0] + 1;
            long first = fresh ? now.toEpochMilli() : row.get()[1];
            Long locked = failures >= MAX_FAILURES ? now.plus(LOCKOUT).toEpochMilli() : null;
            handle.createUpdate("INSERT INTO login_failure (name, failures, first_at, locked_until) VALUES (:name, :failures, :first, :locked) "
                            + "ON CONFLICT (name) DO UPDATE SET failures = excluded.failures, first_at = excluded.first_at, locked_until = excluded.locked_until")
                    .bind("name", name).bind("failures", failures).bind("first", first).bind("locked", locked).execute();
        }));
    }
}
