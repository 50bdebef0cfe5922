package dev.tend.web;

import io.javalin.http.Context;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON out, with a strong ETag over the body: a client that sends it back in If-None-Match gets 304 and no body. */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();

    private Json() {}

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static tools.jackson.databind.JsonNode read(String body) {
        try {
            return MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (tools.jackson.core.JacksonException e) {
            throw Problem.badRequest("the body is not JSON: " + e.getOriginalMessage());
        }
    }

    public static void send(Context ctx, Object value) {
        var body = write(value);
        var etag = "\"" + dev.tend.access.Digests.sha256(body).substring(0, 32) + "\"";
        ctx.header("ETag", etag).header("Cache-Control", "private, no-cache");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType("application/json").result(body);
    }
}
