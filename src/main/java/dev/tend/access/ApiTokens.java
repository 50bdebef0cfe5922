package dev.tend.access;

import dev.tend.store.Database;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The api_token table. A token is 32 random bytes; only its SHA-256 is stored, which is enough for
 * a secret of that entropy (a slow password hash protects guessable secrets, not random ones) and
 * lets a request find its token by one indexed lookup.
 */
public final class ApiTokens {
    public static final String PREFIX = "tend_";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Database database;

    public ApiTokens(Database database) {
        this.database = database;
    }

    /** A new token's value, to be shown once: afterwards only its hash exists. */
    public record Created(ApiToken token, String value) {}

    public Created create(String name, Role role, String by, Instant now) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("token name '" + name + "': use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (find(name).isPresent()) throw new IllegalArgumentException("a token named '" + name + "' exists already (tend token list)");
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        database.run("the token", () -> database.jdbi().useHandle(handle -> handle.createUpdate(
                        "INSERT INTO api_token (name, role, token_hash, created_at, created_by) VALUES (:name, :role, :hash, :at, :by)")
                .bind("name", name).bind("role", role.name()).bind("hash", hash(value)).bind("at", now.toEpochMilli()).bind("by", by).execute()));
        return new Created(find(name).orElseThrow(), value);
    }

    public List<ApiToken> list() {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT name, role, created_at, created_by, last_used_at, revoked_at FROM api_token ORDER BY name")
                .map((row, context) -> map(row)).list());
    }

    public Optional<ApiToken> find(String name) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT name, role, created_at, created_by, last_used_at, revoked_at FROM api_token WHERE name = :name")
                .bind("name", name).map((row, context) -> map(row)).findOne());
    }

    /** Revokes a token at once: its next request is refused. Returns whether an active token was revoked. */
    public boolean revoke(String name, Instant now) {
        return database.write("the token", () -> database.jdbi().withHandle(handle -> handle.createUpdate(
                        "UPDATE api_token SET revoked_at = :at WHERE name = :name AND revoked_at IS NULL")
                .bind("at", now.toEpochMilli()).bind("name", name).execute())) > 0;
    }

    /** The active token with this value, if any; its last use is recorded (to the minute, so reads stay reads). */
    public Optional<ApiToken> authenticate(String value, Instant now) {
        if (value == null || !value.startsWith(PREFIX)) return Optional.empty();
        var hash = hash(value);
        var token = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT name, role, created_at, created_by, last_used_at, revoked_at FROM api_token WHERE token_hash = :hash AND revoked_at IS NULL")
                .bind("hash", hash).map((row, context) -> map(row)).findOne());
        token.filter(found -> found.lastUsedAt().filter(used -> used.isAfter(now.minusSeconds(60))).isEmpty())
                .ifPresent(found -> database.run("the token's last use", () -> database.jdbi().useHandle(handle -> handle.createUpdate(
                        "UPDATE api_token SET last_used_at = :at WHERE token_hash = :hash").bind("at", now.toEpochMilli()).bind("hash", hash).execute())));
        return token;
    }

    static String hash(String value) {
        return Digests.sha256(value);
    }

    private static ApiToken map(ResultSet row) throws SQLException {
        return new ApiToken(row.getString("name"), Role.valueOf(row.getString("role")), Instant.ofEpochMilli(row.getLong("created_at")),
                row.getString("created_by"), instant(row, "last_used_at"), instant(row, "revoked_at"));
    }

    private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
