package dev.tend.check.tls;

import dev.tend.check.Check;
import dev.tend.check.CheckContext;
import dev.tend.check.Thresholds;
import dev.tend.target.Address;
import dev.tend.target.Target;
import dev.tend.target.TargetSettings;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.X509ExtendedTrustManager;

/** A TLS endpoint whose certificate must be trusted, match the name, and not expire soon. */
public record TlsTarget(
        TargetSettings settings,
        Address address,
        Optional<String> serverName,
        X509ExtendedTrustManager trust,
        Remedies remedies,
        Thresholds daysLeft,
        Optional<Renewal> renew) implements Target {

    /** How the certificate is renewed (tls.renew): a command such as certbot renew, then a reload of the nginx target serving it. */
    public record Renewal(List<String> argv, Optional<String> reload, java.time.Duration timeout) {}

    @Override
    public List<Check> checks(CheckContext context) {
        return List.of(new TlsCertificateCheck(this, context.clock()));
    }

    /** The certificate the endpoint serves now (trusted or not: renewal compares, the check judges). */
    public java.security.cert.X509Certificate served(java.time.Duration timeout) throws Exception {
        var chain = TlsHandshake.run(address.socketAddress(), serverName.orElse(address.host()), trust, timeout).chain();
        if (chain == null || chain.length == 0) throw new java.io.IOException(address + " sent no certificate");
        return chain[0];
    }
}
