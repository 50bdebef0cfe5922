package dev.tend.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.cli.Main;
import dev.tend.testing.FreePorts;
import dev.tend.testing.MovableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The alert commands as an on-call engineer uses them, against a port nothing listens on. */
class AlertCliTest {
    @TempDir
    Path directory;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T03:00:00Z"));

    record Run(int exitCode, String out, String err) {}

    @Test
    void aDeadTargetFiresOnTheThirdCheckIsAcknowledgedAndShownWithItsTimeline() throws Exception {
        var config = Files.writeString(directory.resolve("tend.yaml"), """
                platform: { name: Lab }
                targets:
                  - { name: db, type: tcp, address: "127.0.0.1:%d", timeout: 1s }
                people:
                  - { name: alice, roles: [On-call Engineer] }
                store: { path: "%s" }
                """.formatted(FreePorts.next(), directory.resolve("tend.db"))).toString();

        var first = tend("check", "-c", config);
        tend("check", "-c", config);
        var third = tend("check", "-c", config);

        assertThat(first.out()).doesNotContain("alert FIRED");
        assertThat(third.out()).contains("alert FIRED: db/connect (incident 1): connection refused");
        var alerts = JsonMapper.builder().build().readTree(tend("alerts", "--json", "-c", config).out()).path("alerts");
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).path("state").asString()).isEqualTo("FIRING");
        assertThat(alerts.get(0).path("severity").asString()).isEqualTo("CRITICAL");
        long id = alerts.get(0).path("id").asLong();

        var stranger = tend("alert", "ack", String.valueOf(id), "--as", "mallory", "-c", config);
        clock.advance(Duration.ofMinutes(4));
        var ack = tend("alert", "ack", String.valueOf(id), "--as", "alice", "--comment", "firewall?", "--for", "30m", "-c", config);
        var incidents = tend("incidents", "-c", config);
        var note = tend("incident", "note", "1", "--as", "alice", "port closed by a firewall change; reverted", "-c", config);
        var show = tend("incident", "show", "1", "-c", config);

        assertThat(stranger.exitCode()).isEqualTo(2);
        assertThat(stranger.err()).contains("no person named 'mallory' under people:");
        assertThat(ack.exitCode()).isZero();
        assertThat(ack.out()).contains("incident 1 acknowledged by alice until 2026-12-01T03:34:00Z");
        assertThat(incidents.exitCode()).isEqualTo(1);
        assertThat(incidents.out()).containsPattern("1 +ACKNOWLEDGED +CRITICAL +4m +alice +db/connect: connection refused");
        assertThat(show.out()).contains("OPENED (tend) db/connect fired: connection refused").contains("ACKNOWLEDGED (alice) firewall?; until")
                .contains("NOTE (alice) port closed by a firewall change; reverted");
        assertThat(note.out()).isEqualTo("incident 1: note by alice at 2026-12-01T03:04:00Z\n");
        assertThat(tend("incident", "note", "1", "  ", "-c", config).err()).contains("the note is empty");
        assertThat(tend("incident", "note", "7", "found it", "-c", config).err()).contains("no incident 7 (see tend incidents --all)");
        assertThat(tend("incident", "note", "1", "x", "--as", "mallory", "-c", config).err()).contains("no person named 'mallory' under people:");
        assertThat(tend("alert", "resolve", "99", "-c", config).err()).contains("no alert 99 (see tend alerts --all)");
        var audit = tend("audit", "-c", config).out();
        assertThat(audit).contains("alice  alert.acknowledge  alert " + id + ", incident 1 for 30m: firewall?",
                "alice  incident.note  incident 1: port closed by a firewall change; reverted");
        assertThat(audit).as("refused changes are not changes").doesNotContain("mallory");
    }

    private Run tend(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(new Main.Environment(clock, Map.<String, String>of()::get), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }
}
