package dev.tend.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.access.ApiTokens;
import dev.tend.cli.Main;
import dev.tend.config.StoreSettings;
import dev.tend.store.Stores;
import dev.tend.testing.MovableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** tend token and tend audit as an admin uses them: the token shown once, then only its name; every change audited. */
class TokenCliTest {
    @TempDir
    Path directory;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T03:00:00Z"));

    record Run(int exitCode, String out, String err) {}

    @Test
    void aTokenIsPrintedOnceOnItsLastLineListedWithoutItRevokedAndAudited() throws Exception {
        var config = config("people:\n  - { name: alice, roles: [System Administrator] }\n");

        var created = tend("token", "create", "--name", "prometheus", "--role", "viewer", "--as", "alice", "-c", config);
        var lines = created.out().strip().split("\n");
        var token = lines[lines.length - 1];
        var duplicate = tend("token", "create", "--name", "prometheus", "--role", "viewer", "-c", config);
        var badRole = tend("token", "create", "--name", "x", "--role", "root", "-c", config);
        var badName = tend("token", "create", "--name", "no spaces", "--role", "viewer", "-c", config);
        var list = tend("token", "list", "-c", config);
        var json = tend("token", "list", "--json", "-c", config);
        var revoked = tend("token", "revoke", "prometheus", "--as", "alice", "-c", config);
        var again = tend("token", "revoke", "prometheus", "-c", config);
        var unknown = tend("token", "revoke", "grafana", "-c", config);
        var audit = tend("audit", "-c", config);

        assertThat(created.exitCode()).isZero();
        assertThat(token).startsWith(ApiTokens.PREFIX).hasSizeGreaterThan(40).doesNotContain(" ");
        assertThat(duplicate.exitCode()).isEqualTo(2);
        assertThat(duplicate.err()).contains("a token named 'prometheus' exists already");
        assertThat(badRole.err()).contains("--role 'root': use viewer, operator or admin");
        assertThat(badName.err()).contains("token name 'no spaces'");
        assertThat(list.out()).contains("prometheus", "viewer", "alice", "never", "active").doesNotContain(token);
        assertThat(JsonMapper.builder().build().readTree(json.out()).get(0).path("role").asString()).isEqualTo("viewer");
        assertThat(json.out()).doesNotContain(token);
        assertThat(revoked.out()).contains("token prometheus revoked");
        assertThat(again.out()).contains("was already revoked at 2026-12-01T03:00:00Z");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no token named 'grafana'");
        assertThat(audit.out().strip().split("\n")).hasSize(2);
        assertThat(audit.out()).contains("alice  token.revoke  token prometheus (viewer)", "alice  token.create  token prometheus (viewer)", "[cli (")
                .doesNotContain(token);
        try (var store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")))) {
            assertThat(new ApiTokens(store).authenticate(token, clock.instant())).as("revoked").isEmpty();
        }
        assertThat(new String(Files.readAllBytes(directory.resolve("tend.db")), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(token);
    }

    @Test
    void anEmptyAuditLogSaysSo() throws Exception {
        var config = config("");
        assertThat(tend("audit", "-c", config).out()).contains("the audit log is empty");
        assertThat(tend("audit", "--limit", "0", "-c", config).err()).contains("--limit 0: use 1 to 10000");
    }

    private String config(String more) throws Exception {
        return Files.writeString(directory.resolve("tend.yaml"), """
                platform: { name: Lab }
                targets:
                  - { name: db, type: tcp, address: "127.0.0.1:1" }
                store: { path: "%s" }
                """.formatted(directory.resolve("tend.db")) + more).toString();
    }

    private Run tend(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(new Main.Environment(clock, Map.of("USER", "root")::get), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }
}
