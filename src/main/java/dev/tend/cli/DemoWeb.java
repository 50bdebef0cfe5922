package dev.tend.cli;

import dev.tend.access.Role;
import dev.tend.access.WebUsers;
import dev.tend.config.TendConfig;
import dev.tend.schedule.ServeSection;
import dev.tend.store.Database;
import dev.tend.target.Address;
import dev.tend.web.WebContext;
import dev.tend.web.WebServer;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The end of the demo at a terminal: its store served as tend serve would (the operator UI, the
 * status page, the API) until Ctrl-C, with a login made for this demo only.
 */
final class DemoWeb {
    private DemoWeb() {}

    static void serve(TendConfig config, java.nio.file.Path configFile, Database store, Main.Environment environment, Duration limit, PrintWriter out)
            throws InterruptedException {
        var bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        var password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        new WebUsers(store).setPassword("admin", Role.ADMIN, password.toCharArray(), environment.clock().instant());
        var context = new WebContext(config, store, environment.clock(), line -> { }, environment.variables());
        WebServer web;
        try {
            web = WebServer.start(context, ServeSection.of(config).listen());
        } catch (IllegalStateException inUse) {
            web = WebServer.start(context, new Address("127.0.0.1", 0)); // 8484 taken (a tend serve?): any free port will do for a demo
        }
        var stopped = new CountDownLatch(1);
        var closed = new CountDownLatch(1);
        var hook = new Thread(() -> {
            stopped.countDown();
            try {
                closed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop the demo");
        Runtime.getRuntime().addShutdownHook(hook);
        try (var server = web) {
            var base = "http://127.0.0.1:" + server.port();
            out.println();
            out.println("The web UI:      " + base + "/   (log in as admin, password " + password + " — made for this demo's store only)");
            out.println("The status page: " + base + "/status");
            out.println("The API:         " + base + "/api/v1/targets (with a token: ./tend token create --name me --role viewer -c " + configFile + ")");
            out.println(limit == null ? "Serving until Ctrl-C." : "Serving for " + dev.tend.check.Units.age(limit) + ".");
            out.flush();
            if (limit == null) stopped.await(); else stopped.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook waits for the demo's services to stop
            }
            closed.countDown();
        }
    }
}
