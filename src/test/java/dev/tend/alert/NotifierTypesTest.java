package dev.tend.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tend.alert.notify.Delivery;
import dev.tend.alert.notify.Message;
import dev.tend.alert.notify.Notifier;
import dev.tend.alert.notify.NotifiersSection;
import dev.tend.registry.BuiltIn;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Each notifier type against the real thing at its edge: an HTTP receiver the test owns, a real program. */
class NotifierTypesTest {
    private static final Message PAGE = new Message("tend-1-2", Message.TRIGGERED, "Lab", Instant.parse("2026-12-01T03:00:00Z"), "tend",
            "db is CRIT", new Message.IncidentView(1, "db/connect: connection refused", "CRITICAL", "TRIGGERED", Instant.parse("2026-12-01T03:00:00Z")),
            List.of(new Message.AlertView("check:db/connect", "db", "connect", "FIRING", "CRITICAL", "connection refused")));

    @TempDir
    Path directory;

    @Test
    void slackGetsATopLevelTextWithTheHeadlineAndTheAlerts() throws Exception {
        var bodies = new ArrayList<String>();
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/services/T1/B1/x", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            var ok = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        server.start();
        try {
            var slack = notifier("{ name: chat, type: slack, url: \"${env:SLACK_URL}\" }",
                    Map.of("SLACK_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/services/T1/B1/x"));

            var delivery = slack.send(PAGE, Instant.now());

            assertThat(delivery).isEqualTo(new Delivery.Delivered("200 ok"));
            var text = JsonMapper.builder().build().readTree(bodies.get(0)).path("text").asString();
            assertThat(text).startsWith("[CRITICAL] Lab: incident 1 triggered: db/connect: connection refused")
                    .contains("• db/connect: FIRING — connection refused");
            assertThat(slack.describe()).isEqualTo("slack ${env:SLACK_URL}");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aCommandGetsTheMessageOnStdinAndItsExitCodeDecides() throws Exception {
        var received = directory.resolve("received.json");
        var takes = notifier("{ name: sms, type: command, argv: [sh, -c, \"cat > '" + received + "'; echo queued 1 message\"] }", Map.of());
        var busy = notifier("{ name: busy, type: command, argv: [sh, -c, \"cat >/dev/null; echo gateway busy; exit 75\"] }", Map.of());
        var refuses = notifier("{ name: bad, type: command, argv: [sh, -c, \"cat >/dev/null; echo no such number; exit 2\"] }", Map.of());
        var hangs = notifier("{ name: slow, type: command, argv: [sh, -c, \"sleep 30\"], timeout: 1s }", Map.of());

        assertThat(takes.send(PAGE, Instant.now())).isEqualTo(new Delivery.Delivered("exit 0: queued 1 message"));
        assertThat(JsonMapper.builder().build().readTree(Files.readString(received)).path("incident").path("title").asString())
                .isEqualTo("db/connect: connection refused");
        assertThat(busy.send(PAGE, Instant.now())).isInstanceOf(Delivery.Retry.class).extracting(d -> ((Delivery.Retry) d).reason())
                .isEqualTo("exit 75: gateway busy");
        assertThat(refuses.send(PAGE, Instant.now())).isEqualTo(new Delivery.Refused("exit 2: no such number"));
        long started = System.nanoTime();
        assertThat(hangs.send(PAGE, Instant.now())).isInstanceOf(Delivery.Retry.class);
        assertThat((System.nanoTime() - started) / 1_000_000).as("stopped at its timeout, not after 30 s").isLessThan(10_000);
    }

    @Test
    void notifyTestSendsOneMessageAndSaysWhatTheFarEndAnswered() throws Exception {
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        var bodies = new ArrayList<String>();
        server.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            var ok = "thanks".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        server.start();
        try {
            var config = Files.writeString(directory.resolve("tend.yaml"), """
                    platform: { name: Lab }
                    targets: []
                    notifiers:
                      - { name: hook, type: webhook, url: "${env:HOOK_URL}" }
                      - { name: gone, type: webhook, url: "http://127.0.0.1:%d/hook", timeout: 2s }
                    """.formatted(dev.tend.testing.FreePorts.next())).toString();
            var environment = Map.of("HOOK_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook?token=s3cr3t-token");

            var ok = cli(environment, "notify", "test", "hook", "-c", config);
            var gone = cli(environment, "notify", "test", "gone", "-c", config);

            assertThat(ok[0]).isEqualTo("0");
            assertThat(ok[1]).isEqualTo("hook (webhook ${env:HOOK_URL}): delivered: 202 thanks\n");
            assertThat(JsonMapper.builder().build().readTree(bodies.get(0)).path("type").asString()).isEqualTo("test");
            assertThat(gone[0]).isEqualTo("1");
            assertThat(gone[1]).contains("not delivered, would be tried again: could not reach http://127.0.0.1:").contains("connection refused");
            assertThat(ok[1] + gone[1]).doesNotContain("s3cr3t-token");
        } finally {
            server.stop(0);
        }
    }

    private static String[] cli(Map<String, String> environment, String... args) {
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        int code = dev.tend.cli.Main.run(new dev.tend.cli.Main.Environment(java.time.Clock.systemUTC(), environment::get),
                new java.io.PrintWriter(out), new java.io.PrintWriter(err), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    private static Notifier notifier(String entry, Map<String, String> environment) throws Exception {
        var config = BuiltIn.configLoader(environment::get).parse("platform: { name: Lab }\ntargets: []\nnotifiers:\n  - " + entry + "\n",
                Path.of("tend.yaml"));
        return NotifiersSection.of(config).get(0);
    }
}
