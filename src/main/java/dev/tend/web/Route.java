package dev.tend.web;

import io.javalin.http.Handler;

/**
 * One route of tend serve's HTTP server, with who may call it. Every route is declared this way
 * and nowhere else, so the authorization test can walk all of them.
 */
public record Route(String method, String path, Access access, String summary, Handler handler) {

    public static Route get(String path, Access access, String summary, Handler handler) {
        return new Route("GET", path, access, summary, handler);
    }

    public static Route post(String path, Access access, String summary, Handler handler) {
        return new Route("POST", path, access, summary, handler);
    }
}
