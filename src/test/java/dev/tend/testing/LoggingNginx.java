package dev.tend.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An nginx of a test's own that writes an access log (combined format) and a pid file in a given
 * directory: for rotating a log under a real writer that reopens on USR1. Closed by the test.
 */
public final class LoggingNginx implements AutoCloseable {
    private final ManagedProcess process;
    private final Path directory;
    private final int port;

    private LoggingNginx(ManagedProcess process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    public static LoggingNginx start(Path directory) throws Exception {
        return start(directory, "");
    }

    /** With more directives in its server block (a snippet to test, headers); {@code location /} still answers "ok". */
    public static LoggingNginx start(Path directory, String serverDirectives) throws Exception {
        int port = FreePorts.next();
        Files.createDirectories(directory.resolve("logs"));
        var config = Files.writeString(directory.resolve("nginx.conf"), """
                %s
                worker_processes 1;
                pid %2$s/nginx.pid;
                error_log %2$s/error.log warn;
                events { worker_connections 256; }
                http {
                    access_log %2$s/logs/access.log;
                    client_body_temp_path %2$s/client_body;
                    proxy_temp_path %2$s/proxy;
                    fastcgi_temp_path %2$s/fastcgi;
                    uwsgi_temp_path %2$s/uwsgi;
                    scgi_temp_path %2$s/scgi;
                    server {
                        listen 127.0.0.1:%3$d;
                        %4$s
                        location / { return 200 "ok\\n"; }
                    }
                }
                """.formatted(Commands.runningAsRoot() ? "user root root;" : "", directory, port, serverDirectives));
        var process = ManagedProcess.start("nginx", List.of("/usr/sbin/nginx", "-c", config.toString(), "-p", directory.toString(), "-g", "daemon off;"),
                directory.resolve("nginx.log"));
        var nginx = new LoggingNginx(process, directory, port);
        try (var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (true) {
                try {
                    http.send(HttpRequest.newBuilder(URI.create(nginx.url("/ready"))).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                    break;
                } catch (java.io.IOException notYet) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("nginx stopped: " + ManagedProcess.tail(directory.resolve("error.log"), 20));
                    }
                    if (System.nanoTime() > deadline) {
                        nginx.close();
                        throw new IllegalStateException("nginx did not answer within 20 s: " + ManagedProcess.tail(directory.resolve("error.log"), 20));
                    }
                    Thread.sleep(50);
                }
            }
        }
        return nginx;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public Path accessLog() {
        return directory.resolve("logs/access.log");
    }

    public Path pidFile() {
        return directory.resolve("nginx.pid");
    }

    @Override
    public void close() {
        process.close();
    }
}
