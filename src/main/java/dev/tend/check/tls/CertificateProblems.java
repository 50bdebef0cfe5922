package dev.tend.check.tls;

import static dev.tend.check.tls.CertificateNames.hosts;
import static dev.tend.check.tls.CertificateNames.isSelfSigned;
import static dev.tend.check.tls.CertificateNames.issuer;
import static dev.tend.check.tls.CertificateNames.notAfter;
import static dev.tend.check.tls.CertificateNames.notBefore;
import static dev.tend.check.tls.CertificateNames.subject;

import dev.tend.check.Text;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What is wrong with the certificate a server presented, as one sentence: the facts (whose
 * certificate, which issuer, which names, which dates) and what to do. Judged from the chain and
 * the trust manager's verdict by exception type, never from the JDK's wording.
 */
final class CertificateProblems {
    private final String where;
    private final String hostname;
    private final RecordingTrustManager seen;
    private final Remedies remedies;
    private final Clock clock;

    CertificateProblems(String where, String hostname, RecordingTrustManager seen, Remedies remedies, Clock clock) {
        this.where = where;
        this.hostname = hostname;
        this.seen = seen;
        this.remedies = remedies;
        this.clock = clock;
    }

    /** The problem, or empty when the chain is trusted, in date and for the name asked. */
    Optional<String> find() {
        var chain = seen.chain();
        var outOfDate = outOfDate(chain);
        var chainRejection = seen.chainRejection();
        if (chainRejection != null) {
            if (outOfDate.isPresent() && isValidity(chainRejection)) return outOfDate;
            return Optional.of(untrusted(chain, chainRejection) + outOfDate.map(also -> "; also, " + also).orElse(""));
        }
        if (outOfDate.isPresent()) return outOfDate; // a trusted certificate expires too (judged by the injected clock)
        if (seen.rejection() != null) return Optional.of(refusedForThisConnection(chain[0]));
        return Optional.empty();
    }

    private String untrusted(X509Certificate[] chain, Exception rejection) {
        var leaf = chain[0];
        var last = chain[chain.length - 1];
        if (!isNoPath(rejection)) {
            return "certificate of " + where + " (" + subject(leaf) + ") is not trusted by " + remedies.source() + ": "
                    + Text.withoutJavaNames(Text.firstLine(rejection.getMessage()));
        }
        if (chain.length == 1 && isSelfSigned(leaf)) {
            return "self-signed certificate of " + where + " (issuer " + issuer(leaf) + ") is not trusted by " + remedies.source()
                    + "; " + remedies.trust("its PEM");
        }
        if (isSelfSigned(last)) {
            return "certificate of " + where + " (" + subject(leaf) + ") comes from an unknown CA: its root " + subject(last)
                    + " is not in " + remedies.source() + "; " + remedies.trust("that CA's PEM");
        }
        return "certificate of " + where + " (" + subject(leaf) + ") cannot be traced to a trusted CA: its issuer " + issuer(last)
                + " was not sent by the server and is not in " + remedies.source() + " (an incomplete chain or an unknown CA); "
                + "if that is an intermediate CA, make the server send the full chain, otherwise " + remedies.trust("its CA's PEM");
    }

    /** The first certificate of the chain outside its validity period by the clock, told with its dates. */
    private Optional<String> outOfDate(X509Certificate[] chain) {
        var now = clock.instant();
        for (int index = 0; index < chain.length; index++) {
            var certificate = chain[index];
            var whose = index == 0 ? "certificate of " + where + " (" + subject(certificate) + ")"
                    : "CA certificate " + subject(certificate) + " in the chain of " + where;
            if (now.isAfter(certificate.getNotAfter().toInstant())) {
                long days = Duration.between(certificate.getNotAfter().toInstant(), now).toDays();
                return Optional.of(whose + " expired on " + notAfter(certificate) + ", " + days + (days == 1 ? " day" : " days")
                        + " ago; " + (index == 0 ? "renew it" : "install a current chain on the server"));
            }
            if (now.isBefore(certificate.getNotBefore().toInstant())) {
                return Optional.of(whose + " is not valid before " + notBefore(certificate)
                        + "; check the clocks of its issuer and of this machine");
            }
        }
        return Optional.empty();
    }

    /** Trusted as a chain but refused for this connection: the name, unless a constraint of the path says otherwise. */
    private String refusedForThisConnection(X509Certificate leaf) {
        if (hasCause(seen.rejection(), CertPathValidatorException.class)) {
            return "certificate of " + where + " (" + subject(leaf) + ") is refused: "
                    + Text.withoutJavaNames(Text.firstLine(seen.rejection().getMessage()));
        }
        var names = hosts(leaf);
        return "certificate of " + where + " holds the " + (names.size() == 1 ? "name " : "names ") + String.join(", ", names)
                + ", not " + hostname + "; " + remedies.useName() + ", or get a certificate that includes " + hostname;
    }

    private static boolean isValidity(Exception rejection) {
        for (Throwable cause = rejection; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertPathValidatorException validator
                    && (validator.getReason() == BasicReason.EXPIRED || validator.getReason() == BasicReason.NOT_YET_VALID)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNoPath(Exception rejection) {
        return hasCause(rejection, CertPathBuilderException.class);
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) return true;
        }
        return false;
    }
}
