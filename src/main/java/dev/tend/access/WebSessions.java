package dev.tend.access;

import dev.tend.store.Database;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The web_session table: a logged-in person's session, found by the SHA-256 of its cookie, with
 * the CSRF token every form and htmx request of that session must carry. Sessions last
 * {@link #LIFETIME}; logging out or removing the user ends them.
 */
public final class WebSessions {
    public static final Duration LIFETIME = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Database database;

    public WebSessions(Database database) {
        this.database = database;
    }

    /** A session as a request sees it: who, with which role, and its CSRF token. */
    public record Session(String name, Role role, String csrf) {}

    /** A new session's cookie value (shown to the browser only) and the session. */
    public record Opened(String cookie, Session session) {}

    public Opened open(String name, Role role, Instant now) {
        var cookie = random();
        var csrf = random();
        database.run("the session", () -> database.jdbi().useHandle(handle -> {
            handle.createUpdate("DELETE FROM web_session WHERE expires_at <= :now").bind("now", now.toEpochMilli()).execute();
            handle.createUpdate("INSERT INTO web_session (id_hash, name, csrf, created_at, expires_at) VALUES (:id, :name, :csrf, :at, :until)")
                    .bind("id", Digests.sha256(cookie)).bind("name", name).bind("csrf", csrf).bind("at", now.toEpochMilli())
                    .bind("until", now.plus(LIFETIME).toEpochMilli()).execute();
        }));
        return new Opened(cookie, new Session(name, role, csrf));
    }

    /** The live session of this cookie, with the user's current role (a role changed or a user removed takes effect at once). */
    public Optional<Session> find(String cookie, Instant now) {
        if (cookie == null || cookie.isBlank()) return Optional.empty();
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT s.name, u.role, s.csrf FROM web_session s JOIN web_user u ON u.name = s.name "
                        + "WHERE s.id_hash = :id AND s.expires_at > :now")
                .bind("id", Digests.sha256(cookie)).bind("now", now.toEpochMilli())
                .map((row, context) -> new Session(row.getString(1), Role.valueOf(row.getString(2)), row.getString(3))).findOne());
    }

    public void close(String cookie) {
        if (cookie == null) return;
        database.run("the session", () -> database.jdbi().useHandle(handle -> handle.createUpdate("DELETE FROM web_session WHERE id_hash = :id")
                .bind("id", Digests.sha256(cookie)).execute()));
    }

    private static String random() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
