package dev.tend.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.testing.JavaNames;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * The fallbacks of {@link Failures}: failures no real service in the suite produces on demand (a
 * bug in Tend, a message made of class names, an exception with no message) still read as words.
 * The failures real targets produce are covered end to end by ReadableReasonsTest.
 */
class FailuresTest {

    @Test
    void classNamesInADriversMessageAreTakenOutAndItsWordsKept() {
        var failure = new IllegalStateException("Unable to connect: org.example.driver.WireException: server closed the stream");

        assertThat(Failures.describe(failure)).isEqualTo("Unable to connect: server closed the stream");
    }

    @Test
    void aFailureWithoutAMessageIsNamedByWhatWentWrongNotByItsClass() {
        assertThat(Failures.describe(new IllegalStateException())).isEqualTo("an error without further detail");
        assertThat(Failures.describe(new NullPointerException("Cannot invoke \"String.length()\" because \"<local1>\" is null")))
                .isEqualTo("an error in Tend: a value it needed was missing");
        assertThat(Failures.describe(new RuntimeException(new IllegalStateException()))).isEqualTo("an error without further detail");
    }

    @Test
    void fileSystemFailuresNameThePathAndTheProblem() {
        assertThat(Failures.describe(new UncheckedIOException(new NoSuchFileException("/backups/db"))))
                .isEqualTo("no such file or directory: /backups/db");
        assertThat(Failures.describe(new AccessDeniedException("/backups/db"))).isEqualTo("permission denied: /backups/db");
    }

    @Test
    void aTendFailureKeepsItsOwnSentenceOverTheCauseUnderIt() {
        var failure = new UnexpectedAnswerException("the server's INFO has no maxclients");
        failure.initCause(new java.net.ConnectException("Connection refused"));

        assertThat(Failures.describe(failure)).isEqualTo("the server's INFO has no maxclients");
    }

    @Test
    void anUntrustedCertificateSeenThroughADriverSaysWhatToDo() {
        var failure = new SSLHandshakeException("PKIX path building failed: "
                + "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path");
        failure.initCause(new CertificateException(new CertPathBuilderException("unable to find valid certification path")));

        var reason = Failures.describe(failure);

        assertThat(reason).startsWith("the server's certificate is not trusted: no chain leads to a CA in the trust store Tend uses")
                .endsWith("trust its CA, or make the server send its full chain");
        assertThat(JavaNames.in(reason)).isEmpty();
    }

    @Test
    void hostAndTableNamesAreNotMistakenForClassNames() {
        assertThat(Text.withoutJavaNames("No subject alternative DNS name matching db.example.org found."))
                .isEqualTo("No subject alternative DNS name matching db.example.org found.");
        assertThat(Text.withoutJavaNames("ERROR: relation \"public.Orders\" does not exist"))
                .isEqualTo("ERROR: relation \"public.Orders\" does not exist");
    }
}
