package dev.tend.web;

import java.util.List;
import java.util.Map;

/** {@code /livez}: the process answers. {@code /readyz}: it can also reach its store, so a proxy may send it work. */
final class HealthRoutes {
    private HealthRoutes() {}

    static List<Route> of(WebContext context) {
        return List.of(
                Route.get("/livez", Access.PUBLIC, "liveness: the process answers", ctx -> ctx.contentType("text/plain").result("ok\n")),
                Route.get("/readyz", Access.PUBLIC, "readiness: the store answers", ctx -> {
                    try {
                        context.store().jdbi().withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
                    } catch (RuntimeException e) {
                        throw new Problem(503, "Not ready", "the store (" + context.store().description() + ") does not answer");
                    }
                    Json.send(ctx, Map.of("status", "ready"));
                }));
    }
}
