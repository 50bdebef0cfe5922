package dev.tend.check.tls;

import static dev.tend.check.RunChecks.oneTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.check.CheckResult;
import dev.tend.check.RunChecks;
import dev.tend.check.Status;
import dev.tend.testing.Certificates;
import dev.tend.testing.JavaNames;
import dev.tend.testing.TlsServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificates with the flaws real servers have — expired, a chain that stops short, an unknown CA,
 * no TLS version in common — served by openssl s_server. Each reason says what is wrong, with the
 * names and dates, and what to do, in words: no Java class, no "PKIX path building failed".
 */
class CertificateFlawsTest {
    private static final LocalDate LONG_AGO = LocalDate.of(2020, 1, 1);
    private static Certificates.Issued root;
    private static Certificates.Issued intermediate;
    private static Certificates.Issued expired;
    private static Certificates.Issued underIntermediate;

    @BeforeAll
    static void certificates(@TempDir Path directory) {
        var certificates = new Certificates(directory);
        var today = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        root = certificates.authority("root", "/CN=Tend Test Root");
        intermediate = certificates.signed("intermediate", "/CN=Tend Test Intermediate", null, root, today, 3650);
        expired = certificates.signed("expired", "/CN=localhost", "DNS:localhost,IP:127.0.0.1", root, LONG_AGO, 30);
        underIntermediate = certificates.signed("leaf", "/CN=localhost", "DNS:localhost,IP:127.0.0.1", intermediate, today, 90);
    }

    @Test
    void anExpiredCertificateSaysSinceWhenAndToRenewIt() throws Exception {
        try (var server = TlsServer.start(expired, List.of())) {
            var result = check(server, root.certificate());

            long daysAgo = Duration.between(LONG_AGO.plusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant(), Clock.systemUTC().instant()).toDays();
            assertThat(result.status()).isEqualTo(Status.CRIT);
            assertThat(result.reason()).isEqualTo("certificate of " + server.address() + " (CN=localhost) expired on 2020-01-31, "
                    + daysAgo + " days ago; renew it");
            assertThat(JavaNames.in(result.reason())).isEmpty();
        }
    }

    @Test
    void aChainFromAnUnknownCaNamesThatCa() throws Exception {
        try (var server = TlsServer.start(underIntermediate, List.of(intermediate.certificate(), root.certificate()))) {
            var result = check(server, null);

            assertThat(result.status()).isEqualTo(Status.CRIT);
            assertThat(result.reason()).isEqualTo("certificate of " + server.address() + " (CN=localhost) comes from an unknown CA: "
                    + "its root CN=Tend Test Root is not in the system trust store; add `ca:` with that CA's PEM to trust it");
            assertThat(JavaNames.in(result.reason())).isEmpty();
        }
    }

    @Test
    void aChainThatStopsShortNamesTheIssuerTheServerDidNotSend() throws Exception {
        try (var incomplete = TlsServer.start(underIntermediate, List.of());
                var complete = TlsServer.start(underIntermediate, List.of(intermediate.certificate()))) {
            var result = check(incomplete, root.certificate());

            assertThat(result.status()).isEqualTo(Status.CRIT);
            assertThat(result.reason()).isEqualTo("certificate of " + incomplete.address() + " (CN=localhost) cannot be traced to a "
                    + "trusted CA: its issuer CN=Tend Test Intermediate was not sent by the server and is not in " + root.certificate()
                    + " (an incomplete chain or an unknown CA); if that is an intermediate CA, make the server send the full chain, "
                    + "otherwise add its CA's PEM to " + root.certificate() + " (the target's `ca:`) to trust it");
            assertThat(JavaNames.in(result.reason())).isEmpty();
            assertThat(check(complete, root.certificate()).status()).isEqualTo(Status.OK);
        }
    }

    @Test
    void aServerWithNoTlsVersionInCommonSaysWhichTendOffers() throws Exception {
        try (var server = TlsServer.start(expired, List.of(), "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0")) {
            var result = check(server, root.certificate());

            assertThat(result.status()).isEqualTo(Status.CRIT);
            assertThat(result.reason()).startsWith("the server and Tend have no TLS version in common (Tend offers TLSv1.3, TLSv1.2)")
                    .endsWith("enable TLS 1.2 or 1.3 on the server");
            assertThat(JavaNames.in(result.reason())).isEmpty();
        }
    }

    private static CheckResult check(TlsServer server, Path ca) throws Exception {
        var target = "name: edge, type: tls, address: \"" + server.address() + "\", serverName: localhost"
                + (ca == null ? "" : ", ca: \"" + ca + "\"");
        return RunChecks.run(oneTarget(target)).get(0);
    }
}
