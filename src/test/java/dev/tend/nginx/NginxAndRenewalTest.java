package dev.tend.nginx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.testing.Certificates;
import dev.tend.testing.FreePorts;
import dev.tend.testing.LoggingNginx;
import dev.tend.testing.TendCli;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nginx.test, nginx.reload and tls.renew on a real nginx serving a certificate with 10 days left;
 * a fake certbot at the true edge replaces the certificate files as certbot does.
 */
class NginxAndRenewalTest {
    @TempDir
    Path dir;
    private LoggingNginx nginx;
    private int tlsPort;
    private Certificates.Issued served;
    private Certificates.Issued renewed;
    private Certificates.Issued root;

    @BeforeEach
    void start() throws Exception {
        var certificates = new Certificates(Files.createDirectories(dir.resolve("pki")));
        root = certificates.authority("root", "/CN=Tend Test Root");
        var today = LocalDate.now(ZoneOffset.UTC);
        var old = certificates.signed("old", "/CN=localhost", "DNS:localhost,IP:127.0.0.1", root, today.minusDays(80), 90);
        renewed = certificates.signed("renewed", "/CN=localhost", "DNS:localhost,IP:127.0.0.1", root, today, 90);
        served = new Certificates.Issued("live", Files.copy(old.certificate(), dir.resolve("live.pem")), Files.copy(old.key(), dir.resolve("live.key")));
        tlsPort = FreePorts.next();
        nginx = LoggingNginx.start(dir.resolve("nginx"), "listen 127.0.0.1:%d ssl; ssl_certificate %s; ssl_certificate_key %s;"
                .formatted(tlsPort, served.certificate(), served.key()));
    }

    @AfterEach
    void stop() {
        nginx.close();
    }

    private Path config(String certbotScript) throws Exception {
        var certbot = Files.writeString(dir.resolve("certbot"), "#!/bin/sh\n" + certbotScript + "\n");
        Files.setPosixFilePermissions(certbot, PosixFilePermissions.fromString("rwxr-xr-x"));
        var nginxDir = dir.resolve("nginx");
        return Files.writeString(dir.resolve("tend.yaml"), """
                platform: { name: test }
                store: { path: %s }
                targets:
                  - { name: web, type: nginx, argv: [/usr/sbin/nginx, -p, "%s", -c, "%s"] }
                  - name: site-tls
                    type: tls
                    address: "127.0.0.1:%d"
                    serverName: localhost
                    ca: "%s"
                    renew: { argv: ["%s", renew], reload: web }
                """.formatted(dir.resolve("tend.db"), nginxDir, nginxDir.resolve("nginx.conf"), tlsPort, root.certificate(), certbot));
    }

    private static String copy(Certificates.Issued from, Certificates.Issued to) {
        return "cp " + from.certificate() + " " + to.certificate() + " && cp " + from.key() + " " + to.key() + " && echo 'Congratulations, all renewals succeeded'";
    }

    @Test
    void aDueCertificateIsRenewedAndTheReloadedNginxServesTheNewOne() throws Exception {
        var config = config(copy(renewed, served));

        var planned = TendCli.run(Clock.systemUTC(), config, "run", "tls.renew", "site-tls", "--dry-run");
        assertThat(planned.out()).contains("would renew (due: 9 days left)");

        var run = TendCli.run(Clock.systemUTC(), config, "run", "tls.renew", "site-tls");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("SUCCEEDED — renewed: 9 → 89 days left").contains("> Congratulations, all renewals succeeded")
                .contains("nginx -s reload: sent").contains("days_left: 9 → 89 days");
        var check = TendCli.run(Clock.systemUTC(), config, "check", "--target", "site-tls");
        assertThat(check.out()).contains("89 days");
    }

    @Test
    void aRenewalThatChangesNothingWhenDueFails() throws Exception {
        var config = config("echo 'No renewals were attempted.'");

        var run = TendCli.run(Clock.systemUTC(), config, "run", "tls.renew", "site-tls");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED — renewal was due (9 days left) but 127.0.0.1:" + tlsPort + " still serves the same certificate");
    }

    @Test
    void aBrokenConfigurationFailsTheTestAndIsNotReloaded() throws Exception {
        var config = config("true");
        var ok = TendCli.run(Clock.systemUTC(), config, "run", "nginx.test", "web");
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("SUCCEEDED — configuration file").contains("test is successful");
        var plannedReload = TendCli.run(Clock.systemUTC(), config, "run", "nginx.reload", "web", "--dry-run");
        assertThat(plannedReload.out()).contains("PLANNED — the configuration tests fine; would reload").doesNotContain("reload: sent");
        var conf = dir.resolve("nginx/nginx.conf");
        Files.writeString(conf, Files.readString(conf).replace("worker_processes 1;", "worker_processes 1;\nthis_is_not_a_directive on;"));

        var test = TendCli.run(Clock.systemUTC(), config, "run", "nginx.test", "web");
        var planned = TendCli.run(Clock.systemUTC(), config, "run", "nginx.reload", "web", "--dry-run");
        var reload = TendCli.run(Clock.systemUTC(), config, "run", "nginx.reload", "web");

        assertThat(test.exitCode()).isEqualTo(1);
        assertThat(test.out()).contains("FAILED — nginx -t failed: [emerg] unknown directive \"this_is_not_a_directive\"");
        assertThat(reload.out()).contains("not reloaded, the running configuration stays").doesNotContain("-s reload: sent");
        assertThat(planned.out()).as("a dry run tests too: a broken configuration fails it").contains("FAILED — nginx -t failed");
        try (var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            assertThat(http.send(HttpRequest.newBuilder(URI.create(nginx.url("/"))).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
        var check = TendCli.run(Clock.systemUTC(), config, "check", "--target", "web");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("unknown directive");
    }
}
