package dev.tend.web;

import io.javalin.http.Context;

/** Path and query parameters read the same way everywhere: a bad one is a 400 problem that names it. */
final class Params {
    private Params() {}

    static long id(Context ctx) {
        var text = ctx.pathParam("id");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw Problem.badRequest("'" + text + "' is not a number");
        }
    }

    static int number(Context ctx, String name, int fallback, int min, int max) {
        var text = ctx.queryParam(name);
        if (text == null || text.isBlank()) return fallback;
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) throw Problem.badRequest(name + "=" + text + ": use " + min + " to " + max);
            return value;
        } catch (NumberFormatException e) {
            throw Problem.badRequest(name + "=" + text + ": not a whole number");
        }
    }
}
