package dev.tend.check.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** How certificates are named in reasons: by their subject, the host names they hold, their dates. */
final class CertificateNames {
    private static final int DNS = 2;
    private static final int IP = 7;
    private static final Pattern COMMON_NAME = Pattern.compile("(?:^|,)CN=((?:\\\\,|[^,])+)");

    private CertificateNames() {}

    static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    static String issuer(X509Certificate certificate) {
        return certificate.getIssuerX500Principal().getName();
    }

    /** The host names and addresses it is valid for: its subject alternative names, else its common name. */
    static List<String> hosts(X509Certificate certificate) {
        var names = new ArrayList<String>();
        try {
            var alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (var alternative : alternatives) {
                    var type = (Integer) alternative.get(0);
                    if (type == DNS || type == IP) names.add(String.valueOf(alternative.get(1)));
                }
            }
        } catch (CertificateParsingException unreadable) {
            // then only the common name is known
        }
        if (names.isEmpty()) {
            var common = COMMON_NAME.matcher(subject(certificate));
            if (common.find()) names.add(common.group(1));
        }
        return names;
    }

    /** Issued and signed by itself: a certificate nobody vouches for. */
    static boolean isSelfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) return false;
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (Exception signedBySomeoneElse) {
            return false;
        }
    }

    static LocalDate notAfter(X509Certificate certificate) {
        return LocalDate.ofInstant(certificate.getNotAfter().toInstant(), ZoneOffset.UTC);
    }

    static LocalDate notBefore(X509Certificate certificate) {
        return LocalDate.ofInstant(certificate.getNotBefore().toInstant(), ZoneOffset.UTC);
    }
}
