package dev.tend.web;

import dev.tend.access.ApiTokens;
import dev.tend.target.Address;
import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.List;

/**
 * tend serve's HTTP server: every {@link Route} behind {@link Authentication}, errors as problem
 * details. Meant to sit behind the platform's TLS proxy; several instances behind one proxy share
 * everything through the store. Closing it stops taking requests and lets those in flight finish
 * (up to five seconds).
 */
public final class WebServer implements AutoCloseable {
    private final Javalin app;
    private final List<Route> routes;
    private boolean closed;

    private WebServer(Javalin app, List<Route> routes) {
        this.app = app;
        this.routes = routes;
    }

    /** Every route, public or not: what the server answers, and what the authorization test walks. */
    public static List<Route> routes(WebContext context) {
        return routes(context, new dev.tend.access.WebUsers(context.store()));
    }

    /** @param users who may log in (tests pass a cheap bcrypt cost) */
    public static List<Route> routes(WebContext context, dev.tend.access.WebUsers users) {
        var all = new ArrayList<Route>();
        all.addAll(LoginRoutes.of(context, users));
        all.addAll(UiRoutes.of(context));
        all.addAll(HealthRoutes.of(context));
        all.addAll(ApiRoutes.of(context));
        all.addAll(CalendarRoutes.of(context));
        all.addAll(ActionRoutes.of(context));
        all.addAll(ReportRoutes.of(context));
        all.addAll(PlanningRoutes.of(context));
        all.addAll(MetricsRoutes.of(context));
        all.addAll(StatusRoutes.of(context));
        return List.copyOf(all);
    }

    /** Starts listening; a port in use or an address that is not this machine's fails here, with the address named. */
    public static WebServer start(WebContext context, Address listen) {
        return start(context, listen, new dev.tend.access.WebUsers(context.store()));
    }

    public static WebServer start(WebContext context, Address listen, dev.tend.access.WebUsers users) {
        var routes = routes(context, users);
        var authentication = new Authentication(new ApiTokens(context.store()), new dev.tend.access.WebSessions(context.store()), context.clock());
        var app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = listen.host();
            config.jetty.port = listen.port();
            config.jetty.modifyServer(server -> server.setStopTimeout(5_000));
            config.http.strictContentTypes = false;
            for (var route : routes) {
                // Each route checks its own caller first: the route (with its access and kind) is at hand, no lookup by path.
                io.javalin.http.Handler guarded = ctx -> {
                    // Read the body before the caller may be turned away: an answer sent over an unread body made the
                    // server drop the connection after it, which a client reusing it learned only from its next request.
                    ctx.bodyAsBytes();
                    try {
                        authentication.check(ctx, route);
                    } catch (Authentication.Redirected redirected) {
                        return;
                    }
                    route.handler().handle(ctx);
                };
                switch (route.method()) {
                    case "GET" -> config.routes.get(route.path(), guarded, route.access());
                    case "POST" -> config.routes.post(route.path(), guarded, route.access());
                    default -> throw new IllegalArgumentException("route " + route.path() + ": method " + route.method() + " is not served");
                }
            }
            config.routes.exception(Problem.class, (problem, ctx) -> problem.write(ctx));
            config.routes.exception(Exception.class, (e, ctx) -> {
                var reason = context.config().redactor().redact(dev.tend.check.Failures.describe(e));
                context.log().accept("http: " + ctx.method() + " " + ctx.path() + " failed: " + reason);
                new Problem(500, "Internal error", "tend serve could not answer: " + reason).write(ctx);
            });
            config.routes.error(404, "*", ctx -> {
                // A route's own 404 is already a problem; Javalin's "not found" for a path with no route becomes one.
                if (!"application/problem+json".equals(ctx.contentType())) Problem.notFound("no route " + ctx.method() + " " + ctx.path()).write(ctx);
            });
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("serve.listen " + listen + ": cannot listen there (" + dev.tend.check.Failures.describe(e)
                    + "); is another tend serve running? Set serve.listen or --listen", e);
        }
        return new WebServer(app, routes);
    }

    public int port() {
        return app.port();
    }

    public List<Route> routes() {
        return routes;
    }

    /** Idempotent: tend serve closes it on the way out and again in its clean-up. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        app.stop();
    }
}
