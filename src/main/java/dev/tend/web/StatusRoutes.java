package dev.tend.web;

import dev.tend.status.StatusPageBuilder;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * The public status page: {@code /status}, its Statuspage-compatible JSON under
 * {@code /status/api/v2/} and its feeds. Public, served from {@link StatusCache}, with
 * {@code stale-if-error} so a proxy in front keeps serving the page while Tend is down.
 */
final class StatusRoutes {
    static final String CACHE_CONTROL = "public, max-age=10, stale-while-revalidate=30, stale-if-error=86400";
    private static final List<String> JSON = List.of("summary.json", "status.json", "components.json", "incidents.json", "incidents/unresolved.json",
            "scheduled-maintenances.json", "scheduled-maintenances/upcoming.json", "scheduled-maintenances/active.json");

    private StatusRoutes() {}

    static List<Route> of(WebContext context) {
        var cache = new StatusCache(new StatusPageBuilder(context.config(), context.store(), context.clock()), context.clock(), context.log());
        var routes = new ArrayList<Route>();
        routes.add(Route.get("/status", Access.PUBLIC, "the public status page", ctx -> serve(ctx, cache.get("page"))));
        routes.add(Route.get("/status/feed.atom", Access.PUBLIC, "incidents and maintenance as an Atom feed", ctx -> serve(ctx, cache.get("feed.atom"))));
        routes.add(Route.get("/status/feed.rss", Access.PUBLIC, "incidents and maintenance as an RSS feed", ctx -> serve(ctx, cache.get("feed.rss"))));
        for (var name : JSON) {
            routes.add(Route.get("/status/api/v2/" + name, Access.PUBLIC, "Statuspage-compatible " + name, ctx -> serve(ctx, cache.get(name))));
        }
        return routes;
    }

    private static void serve(Context ctx, StatusCache.Rendered rendered) {
        ctx.header("ETag", rendered.etag()).header("Cache-Control", CACHE_CONTROL).header("Access-Control-Allow-Origin", "*");
        if (rendered.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(rendered.contentType()).result(rendered.body());
    }
}
