package dev.tend.check;

import java.io.EOFException;
import java.net.SocketException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * TLS failures told as what is wrong and what to do, from the exception alone: a driver (JDBC,
 * Jedis, the S3 or HTTP client) hands over no certificate chain. The JDK's wording is matched only
 * where it has no type of its own (alerts, a plain-text answer); TlsCheckTest pins those cases.
 */
public final class TlsFailures {
    private static final Pattern ALERT = Pattern.compile("Received fatal alert: (\\w+)");

    private TlsFailures() {}

    static boolean isTls(Throwable cause) {
        return cause instanceof SSLException || cause instanceof CertificateException
                || cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException;
    }

    /** The sentence for a failed handshake; {@code causes} is the failure and everything under it. */
    public static String describe(List<Throwable> causes) {
        return certificate(causes).or(() -> handshake(causes)).orElseGet(() -> "the TLS handshake failed: " + firstWords(causes));
    }

    private static Optional<String> certificate(List<Throwable> causes) {
        for (var cause : causes) {
            if (cause instanceof CertPathValidatorException validator && validator.getReason() == BasicReason.EXPIRED) {
                return Optional.of("the server's certificate has expired; renew it");
            }
            if (cause instanceof CertPathValidatorException validator && validator.getReason() == BasicReason.NOT_YET_VALID) {
                return Optional.of("the server's certificate is not valid yet; check the clocks of its issuer and of this machine");
            }
            if (cause instanceof CertPathBuilderException) {
                return Optional.of("the server's certificate is not trusted: no chain leads to a CA in the trust store Tend uses "
                        + "(self-signed, an unknown CA or an incomplete chain); trust its CA, or make the server send its full chain");
            }
        }
        // The JDK's name check throws a plain CertificateException: "No subject alternative DNS name matching x found."
        return causes.stream().filter(cause -> cause.getClass() == CertificateException.class && String.valueOf(cause.getMessage())
                        .toLowerCase(Locale.ROOT).matches("no (subject alternative .*|name )matching .*")).findFirst()
                .map(cause -> "the server's certificate does not fit the name Tend connected to ("
                        + Text.withoutJavaNames(cause.getMessage()).replaceAll("\\.$", "") + "); connect by a name the certificate holds");
    }

    private static Optional<String> handshake(List<Throwable> causes) {
        var text = String.join(" ", causes.stream().map(cause -> String.valueOf(cause.getMessage())).toList()).toLowerCase(Locale.ROOT);
        if (text.contains("unrecognized ssl message")) {
            return Optional.of("the server answered in plain text, not TLS: this looks like a port without TLS; "
                    + "use the server's TLS port, or plain http:// if it has none");
        }
        var alert = causes.stream().map(cause -> ALERT.matcher(String.valueOf(cause.getMessage()))).filter(java.util.regex.Matcher::find)
                .map(matcher -> matcher.group(1)).findFirst();
        if (alert.isPresent()) return Optional.of(alert(alert.get()));
        if (text.contains("protocol version") || text.contains("no appropriate protocol")) return Optional.of(noCommonVersion());
        if (text.contains("terminated the handshake") || causes.stream().anyMatch(cause -> cause instanceof EOFException
                || cause instanceof SocketException)) {
            return Optional.of("the server closed the connection during the TLS handshake: it may not speak TLS on this port, "
                    + "or it refuses the TLS versions (" + offered() + ") or the server name Tend sent");
        }
        return Optional.empty();
    }

    private static String alert(String alert) {
        return switch (alert) {
            case "protocol_version" -> noCommonVersion();
            case "handshake_failure", "insufficient_security" -> "the TLS handshake failed: the server accepts none of the protocol "
                    + "versions and cipher suites Tend offers (" + offered() + ", current cipher suites); enable them on the server";
            case "certificate_required", "bad_certificate" -> "the server asks for a client certificate, which Tend does not send";
            case "unrecognized_name" -> "the server does not serve the name Tend sent (SNI); use a name it serves";
            default -> "the server ended the TLS handshake with the alert " + alert;
        };
    }

    private static String noCommonVersion() {
        return "the server and Tend have no TLS version in common (Tend offers " + offered() + "); enable TLS 1.2 or 1.3 on the server";
    }

    /** The protocol versions this Java offers, newest first: "TLSv1.3, TLSv1.2". */
    static String offered() {
        try {
            return String.join(", ", SSLContext.getDefault().getDefaultSSLParameters().getProtocols());
        } catch (java.security.NoSuchAlgorithmException e) {
            return "TLSv1.3, TLSv1.2";
        }
    }

    private static String firstWords(List<Throwable> causes) {
        return causes.stream().map(cause -> Text.withoutJavaNames(Text.firstLine(cause.getMessage())))
                .filter(words -> !words.isEmpty()).findFirst().orElse("no detail given");
    }
}
