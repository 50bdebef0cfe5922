package dev.tend.check.tls;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Why a server's certificate was refused, for checks that reach it through a client library (an
 * https URL): such a client only throws, so the handshake is made again here with the same system
 * trust, to name the certificate, its issuer and names the way the tls check does.
 */
public final class CertificateDiagnosis {
    private CertificateDiagnosis() {}

    /** The problem with the certificate of an https endpoint; empty when there is none, or no handshake happens. */
    public static Optional<String> ofHttps(String host, int port, Duration timeout, Clock clock) {
        try {
            var where = host + ":" + port;
            var seen = TlsHandshake.run(new InetSocketAddress(host, port), host, TrustStores.system(), timeout);
            if (seen.chain() == null || seen.chain().length == 0) return Optional.empty();
            return new CertificateProblems(where, host, seen, Remedies.forHttp(), clock).find();
        } catch (Exception noHandshake) {
            return Optional.empty(); // the client's own failure, described by the caller, stays the reason
        }
    }
}
