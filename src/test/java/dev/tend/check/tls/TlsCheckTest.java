package dev.tend.check.tls;

import static dev.tend.check.RunChecks.measurement;
import static dev.tend.check.RunChecks.oneTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.check.CheckResult;
import dev.tend.check.RunChecks;
import dev.tend.check.Status;
import dev.tend.testing.FreePorts;
import dev.tend.testing.JavaNames;
import dev.tend.testing.NginxExtension;
import dev.tend.testing.NginxServer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NginxExtension.class)
class TlsCheckTest {

    @Test
    void aTrustedCertificateFarFromExpiryIsOk(NginxServer nginx) throws Exception {
        var result = check(nginx, Clock.systemUTC(), "localhost");

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.reason()).contains("chain trusted").contains("(in 8").contains(" days)");
        assertThat(measurement(result, "chain_valid")).isEqualTo(1);
    }

    @Test
    void expiryWithinTheWarningWindowWarnsAndWithinTheCriticalWindowIsCritical(NginxServer nginx) throws Exception {
        var expiry = nginx.certificateNotAfter();
        var twentyDaysBefore = Clock.fixed(expiry.minus(Duration.ofDays(20)), ZoneOffset.UTC);
        var threeDaysBefore = Clock.fixed(expiry.minus(Duration.ofDays(3)), ZoneOffset.UTC);
        var afterExpiry = Clock.fixed(expiry.plus(Duration.ofDays(1)), ZoneOffset.UTC);

        var warn = check(nginx, twentyDaysBefore, "localhost");
        var crit = check(nginx, threeDaysBefore, "localhost");

        assertThat(warn.status()).isEqualTo(Status.WARN);
        assertThat(warn.reason()).contains("in 20 days").endsWith("under the 30-day threshold");
        assertThat(crit.status()).isEqualTo(Status.CRIT);
        assertThat(crit.reason()).contains("in 3 days").endsWith("under the 7-day threshold");
        assertThat(measurement(crit, "days_left")).isEqualTo(3);
        assertThat(check(nginx, afterExpiry, "localhost").status()).isEqualTo(Status.CRIT);
    }

    @Test
    void aSelfSignedCertificateIsCriticalAndSaysHowToTrustIt(NginxServer nginx) throws Exception {
        var result = RunChecks.run(oneTarget("name: edge, type: tls, address: \"127.0.0.1:" + nginx.httpsPort() + "\"")).get(0);

        assertThat(result.status()).isEqualTo(Status.CRIT);
        assertThat(result.reason()).isEqualTo("self-signed certificate of 127.0.0.1:" + nginx.httpsPort()
                + " (issuer CN=localhost) is not trusted by the system trust store; add `ca:` with its PEM to trust it");
        assertThat(JavaNames.in(result.reason())).isEmpty();
        assertThat(measurement(result, "chain_valid")).isEqualTo(0);
    }

    @Test
    void aNameTheCertificateDoesNotCoverIsCriticalAndNamesTheOnesItHolds(NginxServer nginx) throws Exception {
        var result = check(nginx, Clock.systemUTC(), "wrong.example.org");

        assertThat(result.status()).isEqualTo(Status.CRIT);
        assertThat(result.reason()).isEqualTo("certificate of 127.0.0.1:" + nginx.httpsPort() + " holds the names localhost, 127.0.0.1, "
                + "not wrong.example.org; set `serverName:` to one of them, or get a certificate that includes wrong.example.org");
        assertThat(JavaNames.in(result.reason())).isEmpty();
    }

    @Test
    void aClosedPortIsCritical() throws Exception {
        var result = RunChecks.run(oneTarget("name: edge, type: tls, address: \"127.0.0.1:" + FreePorts.next() + "\"")).get(0);

        assertThat(result.status()).isEqualTo(Status.CRIT);
        assertThat(result.reason()).startsWith("connection refused");
    }

    @Test
    void aPlainTextServerOnTheTlsPortIsCriticalAndSaysSo(NginxServer nginx) throws Exception {
        var result = RunChecks.run(oneTarget("name: edge, type: tls, address: \"127.0.0.1:" + nginx.httpPort() + "\"")).get(0);

        assertThat(result.status()).isEqualTo(Status.CRIT);
        assertThat(result.reason()).startsWith("the server answered in plain text, not TLS").contains("use the server's TLS port");
        assertThat(JavaNames.in(result.reason())).isEmpty();
    }

    private static CheckResult check(NginxServer nginx, Clock clock, String serverName) throws Exception {
        return RunChecks.run(oneTarget("name: edge, type: tls, address: \"127.0.0.1:" + nginx.httpsPort() + "\", ca: \""
                + nginx.certificatePem() + "\", serverName: " + serverName), clock, Map.of()).get(0);
    }
}
