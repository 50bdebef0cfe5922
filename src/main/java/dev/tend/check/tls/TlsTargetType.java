package dev.tend.check.tls;

import dev.tend.check.Failures;
import dev.tend.check.Text;
import dev.tend.check.ThresholdSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.NumberSpec;
import dev.tend.config.spec.PathSpec;
import dev.tend.config.spec.StringSpec;
import dev.tend.target.Address;
import dev.tend.target.AddressSpec;
import dev.tend.target.Target;
import dev.tend.target.TargetBinding;
import dev.tend.target.TargetType;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;

/** {@code type: tls}: certificate trust, name match and days until expiry. */
public final class TlsTargetType implements TargetType {

    @Override
    public String name() {
        return "tls";
    }

    @Override
    public String summary() {
        return "a TLS endpoint: days until certificate expiry, chain validity, name match";
    }

    @Override
    public List<Field> fields() {
        return List.of(
                Field.required("address", new AddressSpec(), "HOST:PORT of the TLS listener"),
                Field.optional("serverName", StringSpec.any(), "name to send (SNI) and to match; defaults to the host"),
                Field.optional("ca", new PathSpec(false), "PEM file of CA certificates to trust instead of the system roots (relative to this file)"),
                ThresholdSpec.field("days", NumberSpec.whole(0, 3650), "30", "7", "days before expiry to warn / be critical"),
                Field.optional("renew", dev.tend.config.spec.ObjectSpec.of("how tls.renew renews the certificate",
                        Field.required("argv", dev.tend.config.spec.ListSpec.nonEmpty(StringSpec.any()), "the renewal command, e.g. [certbot, renew, --quiet]"),
                        Field.optional("reload", StringSpec.any(), "the nginx target to reload after it"),
                        Field.withDefault("timeout", dev.tend.config.spec.DurationSpec.between(java.time.Duration.ofSeconds(5), java.time.Duration.ofHours(1)),
                                "5m", "the longest the command may take")), "renewal for tls.renew: {argv: [certbot, renew], reload: web}"));
    }

    @Override
    public Target bind(TargetBinding binding) {
        var fields = binding.fields();
        var days = ThresholdSpec.read(fields, "days", false, binding.problems());
        Optional<TlsTarget.Renewal> renew = Optional.empty();
        if (fields.has("renew")) {
            var renewal = fields.object("renew");
            List<String> argv = renewal.list("argv");
            if (argv == null || argv.contains(null)) return null;
            renew = Optional.of(new TlsTarget.Renewal(List.copyOf(argv), renewal.optionalString("reload"), renewal.duration("timeout")));
        }
        var address = fields.<Address>value("address");
        var serverName = Optional.ofNullable(fields.string("serverName"));
        var sniName = serverName.orElse(address.host());
        if (!TlsHandshake.isIpLiteral(sniName)) {
            try {
                new javax.net.ssl.SNIHostName(sniName);
            } catch (IllegalArgumentException e) {
                binding.problem(serverName.isPresent() ? "serverName" : "address", "'" + sniName
                        + "' cannot be sent as a TLS server name: " + Text.withoutJavaNames(e.getMessage()), "use the DNS name the certificate is for");
                return null;
            }
        }
        if (!fields.has("ca")) {
            try {
                return new TlsTarget(binding.settings(), address, serverName, TrustStores.system(), Remedies.forTls(Optional.empty()), days, renew);
            } catch (GeneralSecurityException e) {
                binding.problem("address", "this Java has no usable system trust store: " + Text.withoutJavaNames(e.getMessage()), "give ca: with a PEM file");
                return null;
            }
        }
        var pem = fields.<Path>value("ca");
        try {
            return new TlsTarget(binding.settings(), address, serverName, TrustStores.fromPem(pem), Remedies.forTls(Optional.of(pem)), days, renew);
        } catch (IOException | GeneralSecurityException e) {
            binding.problem("ca", "cannot load CA certificates from " + pem + ": " + Failures.describe(e), "give a readable PEM file");
            return null;
        }
    }
}
