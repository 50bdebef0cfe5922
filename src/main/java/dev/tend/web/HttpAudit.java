package dev.tend.web;

import dev.tend.access.AuditLog;
import io.javalin.http.Context;

/** A change made over HTTP, into the audit log with where it came from: one way for every route. */
final class HttpAudit {
    private HttpAudit() {}

    static void record(WebContext context, Context ctx, String actor, String action, String detail) {
        new AuditLog(context.store()).record(new AuditLog.Entry(context.clock().instant(), actor, action, detail, "http " + ClientAddress.of(context, ctx)));
    }

    /** By whoever made the request. */
    static void record(WebContext context, Context ctx, String action, String detail) {
        record(context, ctx, Authentication.principal(ctx).name(), action, detail);
    }
}
