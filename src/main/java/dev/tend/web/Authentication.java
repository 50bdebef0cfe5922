package dev.tend.web;

import dev.tend.access.ApiTokens;
import io.javalin.http.Context;
import java.time.Clock;

/**
 * Runs before every matched route: a public route passes; any other needs
 * {@code Authorization: Bearer TOKEN} of an active token whose role includes the route's (401
 * without one, 403 with too small a role). The token itself is never logged or echoed.
 */
final class Authentication {
    private final ApiTokens tokens;
    private final Clock clock;

    Authentication(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    void check(Context ctx) {
        var needed = ctx.routeRoles().stream().filter(Access.class::isInstance).map(Access.class::cast).findFirst().orElse(Access.ADMIN);
        if (needed == Access.PUBLIC) return;
        var header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"tend\"");
            throw new Problem(401, "Unauthorized", "send Authorization: Bearer TOKEN (tend token create --name NAME --role " + needed.role().orElseThrow().label() + ")");
        }
        var token = tokens.authenticate(header.substring(7).strip(), clock.instant());
        if (token.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"tend\", error=\"invalid_token\"");
            throw new Problem(401, "Unauthorized", "the token is unknown or revoked (tend token list)");
        }
        var role = needed.role().orElseThrow();
        if (!token.get().role().allows(role)) {
            throw new Problem(403, "Forbidden", "token " + token.get().name() + " is " + token.get().role().label() + "; this needs " + role.label());
        }
        ctx.attribute(Principal.ATTRIBUTE, new Principal("token " + token.get().name(), token.get().role()));
    }

    static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(Principal.ATTRIBUTE);
        if (principal == null) throw new IllegalStateException("a route that changes something must not be public");
        return principal;
    }
}
