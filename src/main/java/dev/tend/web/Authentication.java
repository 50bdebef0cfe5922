package dev.tend.web;

import dev.tend.access.ApiTokens;
import dev.tend.access.WebSessions;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Runs before every matched route. A public route passes (a session, if any, is still known to
 * it). Any other needs either {@code Authorization: Bearer TOKEN} of an active token, or the
 * session cookie of a logged-in person; with too small a role it is 403. A session's POST must
 * also carry its CSRF token (form field {@code _csrf} or header {@code X-CSRF-Token}); a token
 * request needs none, since no browser sends it on its own. Without credentials an API route is
 * 401 and a page redirects to the login page. Tokens and cookies are never logged or echoed.
 */
final class Authentication {
    static final String COOKIE = "tend_session";
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private final ApiTokens tokens;
    private final WebSessions sessions;
    private final Clock clock;

    Authentication(ApiTokens tokens, WebSessions sessions, Clock clock) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.clock = clock;
    }

    void check(Context ctx, Route route) {
        var needed = route.access();
        var header = ctx.header("Authorization");
        Optional<Principal> principal;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            var token = tokens.authenticate(header.substring(7).strip(), clock.instant());
            if (token.isEmpty() && needed != Access.PUBLIC) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"tend\", error=\"invalid_token\"");
                throw new Problem(401, "Unauthorized", "the token is unknown or revoked (tend token list)");
            }
            principal = token.map(found -> new Principal("token " + found.name(), found.role(), Optional.empty()));
        } else {
            principal = sessions.find(ctx.cookie(COOKIE), clock.instant()).map(session -> new Principal(session.name(), session.role(), Optional.of(session.csrf())));
        }
        principal.ifPresent(found -> ctx.attribute(Principal.ATTRIBUTE, found));
        if (needed == Access.PUBLIC) return;
        if (principal.isEmpty()) {
            if (route.page()) {
                ctx.redirect("/login?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8));
                ctx.skipRemainingHandlers();
                throw new Redirected();
            }
            ctx.header("WWW-Authenticate", "Bearer realm=\"tend\"");
            throw new Problem(401, "Unauthorized", "send Authorization: Bearer TOKEN (tend token create --name NAME --role "
                    + needed.role().orElseThrow().label() + "), or log in at /login");
        }
        var role = needed.role().orElseThrow();
        if (!principal.get().role().allows(role)) {
            throw new Problem(403, "Forbidden", principal.get().name() + " is " + principal.get().role().label() + "; this needs " + role.label());
        }
        if (!ctx.method().name().equals("GET") && principal.get().person()) checkCsrf(ctx, principal.get());
    }

    private static void checkCsrf(Context ctx, Principal principal) {
        var sent = Optional.ofNullable(ctx.header(CSRF_HEADER)).or(() -> Optional.ofNullable(ctx.formParam(CSRF_FIELD)));
        if (sent.isEmpty() || !java.security.MessageDigest.isEqual(sent.get().getBytes(StandardCharsets.UTF_8),
                principal.csrf().orElseThrow().getBytes(StandardCharsets.UTF_8))) {
            throw new Problem(403, "Forbidden", "missing or wrong CSRF token: reload the page and try again");
        }
    }

    static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(Principal.ATTRIBUTE);
        if (principal == null) throw new IllegalStateException("a route that changes something must not be public");
        return principal;
    }

    static Optional<Principal> maybe(Context ctx) {
        return Optional.ofNullable(ctx.attribute(Principal.ATTRIBUTE));
    }

    /** Thrown after a redirect to the login page: nothing else runs for the request. */
    static final class Redirected extends RuntimeException {
        Redirected() {
            super(null, null, false, false);
        }
    }
}
