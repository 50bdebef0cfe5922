package dev.tend.web;

import io.javalin.http.Handler;

/**
 * One route of tend serve's HTTP server, with who may call it. Every route is declared this way
 * and nowhere else, so the authorization test can walk all of them. A {@code page} is the
 * operator UI's (HTML for a browser): without a session it redirects to the login page instead of
 * answering 401, and it is not part of the API's OpenAPI document.
 */
public record Route(String method, String path, Access access, String summary, Handler handler, boolean page) {

    public static Route get(String path, Access access, String summary, Handler handler) {
        return new Route("GET", path, access, summary, handler, false);
    }

    public static Route post(String path, Access access, String summary, Handler handler) {
        return new Route("POST", path, access, summary, handler, false);
    }

    public static Route page(String path, Access access, String summary, Handler handler) {
        return new Route("GET", path, access, summary, handler, true);
    }

    public static Route form(String path, Access access, String summary, Handler handler) {
        return new Route("POST", path, access, summary, handler, true);
    }
}
