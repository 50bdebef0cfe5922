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
        Thresholds daysLeft) implements Target {

    @Override
    public List<Check> checks(CheckContext context) {
        return List.of(new TlsCertificateCheck(this, context.clock()));
    }
}
