package dev.tend.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;

/**
 * An error as RFC 9457 problem details ({@code application/problem+json}): the status, a title,
 * and a detail that says what was wrong and what to do, never a stack trace or a secret.
 */
public final class Problem extends RuntimeException {
    private final int status;
    private final String title;

    public Problem(int status, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
    }

    public static Problem badRequest(String detail) {
        return new Problem(400, "Bad request", detail);
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "Not found", detail);
    }

    public void write(Context ctx) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", getMessage());
        body.put("instance", ctx.path());
        ctx.status(status).contentType("application/problem+json").result(Json.write(body));
    }
}
