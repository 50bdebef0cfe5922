package dev.tend.web;

import dev.tend.access.WebSessions;
import dev.tend.access.WebUsers;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * {@code /login} and {@code /logout}. A session cookie is HttpOnly, SameSite=Strict, Secure when
 * the proxy says the request came over HTTPS, and lasts {@link WebSessions#LIFETIME}. After
 * {@link WebUsers#MAX_FAILURES} wrong passwords a name is locked for {@link WebUsers#LOCKOUT}, on
 * every instance; the answer never says whether a name exists. Failures from one client address are
 * throttled as well ({@link LoginThrottle}): guessing across names is slowed, no one is locked out.
 */
final class LoginRoutes {
    private final WebContext context;
    private final WebUsers users;
    private final WebSessions sessions;
    private final LoginThrottle throttle = new LoginThrottle();

    private LoginRoutes(WebContext context, WebUsers users) {
        this.context = context;
        this.users = users;
        this.sessions = new WebSessions(context.store());
    }

    static List<Route> of(WebContext context, WebUsers users) {
        var login = new LoginRoutes(context, users);
        return List.of(
                Route.page("/login", Access.PUBLIC, "the login form", login::form),
                Route.form("/login", Access.PUBLIC, "log in: name and password", login::login),
                Route.form("/logout", Access.VIEWER, "log out", login::logout));
    }

    private void form(Context ctx) {
        show(ctx, next(ctx.queryParam("next")), null);
    }

    private void login(Context ctx) {
        var name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        var password = Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
        var next = next(ctx.formParam("next"));
        var now = context.clock().instant();
        var address = ClientAddress.of(context, ctx);
        var wait = throttle.waitFor(address, now);
        if (wait.isPresent()) {
            java.util.Arrays.fill(password, '\0');
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            audit(ctx, name, "login.throttled", "too many failed logins from " + address + "; refused without checking the password");
            ctx.status(429).header("Retry-After", Long.toString(seconds));
            show(ctx, next, "Too many failed attempts from your address: try again in " + seconds + " s.");
            return;
        }
        var attempt = users.login(name, password, now);
        java.util.Arrays.fill(password, '\0');
        if (attempt.user().isEmpty()) {
            throttle.failed(address, now);
            var locked = attempt.refusal().orElseThrow() == WebUsers.Refusal.LOCKED;
            if (locked) {
                var until = users.lockedUntil(name, now).map(at -> DateTimeFormatter.ISO_INSTANT.format(at)).orElse("later");
                audit(ctx, name, "login.locked", "too many failed logins; locked until " + until);
                ctx.status(429);
                show(ctx, next, "Too many failed attempts: this name is locked until " + until + ".");
            } else {
                // The form again, as any login page answers: a browser is not an API client to be told 401.
                show(ctx, next, "Wrong name or password.");
            }
            return;
        }
        var user = attempt.user().get();
        var opened = sessions.open(user.name(), user.role(), now);
        var cookie = new Cookie(Authentication.COOKIE, opened.cookie(), "/", (int) WebSessions.LIFETIME.toSeconds(),
                "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")) || ctx.scheme().equals("https"), true, null, SameSite.STRICT);
        ctx.cookie(cookie);
        audit(ctx, user.name(), "login", "logged in as " + user.role().label());
        ctx.redirect(next);
    }

    private void logout(Context ctx) {
        sessions.close(ctx.cookie(Authentication.COOKIE));
        ctx.removeCookie(Authentication.COOKIE, "/");
        ctx.redirect("/login");
    }

    private void show(Context ctx, String next, String error) {
        var params = new HashMap<String, Object>();
        params.put("next", next);
        params.put("error", error);
        UiRoutes.render(ctx, "ui/login.jte", params);
    }

    /** Only a path of this site: never another host ("//evil.example", "https://..."). */
    private static String next(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : "/";
    }

    private void audit(Context ctx, String name, String action, String detail) {
        HttpAudit.record(context, ctx, name.isBlank() ? "(no name)" : name, action, detail);
    }
}
