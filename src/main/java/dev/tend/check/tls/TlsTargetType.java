package dev.tend.check.tls;

import dev.tend.check.ThresholdSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.NumberSpec;
import dev.tend.config.spec.StringSpec;
import dev.tend.target.Address;
import dev.tend.target.AddressSpec;
import dev.tend.target.Target;
import dev.tend.target.TargetBinding;
import dev.tend.target.TargetType;
import java.nio.file.Path;
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
                Field.optional("ca", StringSpec.any(), "PEM file of CA certificates to trust instead of the system roots"),
                ThresholdSpec.field("days", NumberSpec.whole(0, 3650), "30", "7", "days before expiry to warn / be critical"));
    }

    @Override
    public Target bind(TargetBinding binding) {
        var fields = binding.fields();
        var days = ThresholdSpec.read(fields, "days", false, binding.problems());
        try {
            if (fields.has("ca")) {
                var pem = Path.of(fields.string("ca"));
                return new TlsTarget(binding.settings(), fields.<Address>value("address"),
                        Optional.ofNullable(fields.string("serverName")), TrustStores.fromPem(pem), pem.toString(), days);
            }
            return new TlsTarget(binding.settings(), fields.<Address>value("address"),
                    Optional.ofNullable(fields.string("serverName")), TrustStores.system(), "the system trust store", days);
        } catch (Exception e) {
            binding.problem("ca", "cannot load CA certificates: " + e.getMessage(), "give a readable PEM file");
            return null;
        }
    }
}
