package dev.tend.check.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.testing.LoggingNginx;
import dev.tend.testing.TendCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headers check against a real nginx: the security preset, equals, absent, and its level. */
class SecurityHeadersTest {
    private static final String ALL = """
            add_header X-Content-Type-Options nosniff;
            add_header X-Frame-Options DENY;
            add_header Referrer-Policy no-referrer;
            add_header Content-Security-Policy "default-src 'self'";
            """;
    @TempDir
    Path dir;

    private String check(String nginxDirectives, String headers) throws Exception {
        try (var nginx = LoggingNginx.start(dir.resolve("nginx-" + Math.abs(headers.hashCode() + nginxDirectives.hashCode())), nginxDirectives)) {
            var config = Files.writeString(dir.resolve("tend.yaml"), """
                    platform: { name: test }
                    store: { path: %s }
                    targets:
                      - { name: site, type: http, url: "%s", %s }
                    """.formatted(dir.resolve("tend.db"), nginx.url("/"), headers));
            var run = TendCli.run(Clock.systemUTC(), config, "check", "--json");
            for (var result : run.json().path("results")) {
                if (result.path("check").asString().equals("headers")) return result.path("status").asString() + " " + result.path("reason").asString();
            }
            return "no headers check: " + run.out() + run.err();
        }
    }

    @Test
    void anEndpointSendingTheSecurityHeadersPassesThePreset() throws Exception {
        assertThat(check(ALL, "headers: [{preset: security}, {name: X-Frame-Options, equals: deny}]"))
                .startsWith("OK 2 header condition(s) hold on http://127.0.0.1:");
    }

    @Test
    void whatIsMissingOrTellsTooMuchIsNamedAtItsLevel() throws Exception {
        var withoutCsp = ALL.replace("add_header Content-Security-Policy \"default-src 'self'\";", "");

        assertThat(check(withoutCsp, "headers: [{preset: security}]")).startsWith("WARN Content-Security-Policy missing (http://127.0.0.1:");
        assertThat(check(ALL, "headers: [{name: Server, absent: true}], headersLevel: crit")).startsWith("CRIT Server is sent (\"nginx");
        assertThat(check("add_header X-Frame-Options SAMEORIGIN;", "headers: [{name: X-Frame-Options, equals: DENY}]"))
                .startsWith("WARN X-Frame-Options is \"SAMEORIGIN\", expected \"DENY\"");
    }

    @Test
    void aConditionWithTwoTestsIsAConfigError() throws Exception {
        var config = Files.writeString(dir.resolve("tend.yaml"), """
                platform: { name: test }
                targets:
                  - { name: site, type: http, url: "http://127.0.0.1:9/", headers: [{name: X-Frame-Options, equals: DENY, absent: true}] }
                """);
        var run = TendCli.run(Clock.systemUTC(), config, "validate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("targets[0].headers[0]").contains("give one of equals, matches, absent");
    }
}
