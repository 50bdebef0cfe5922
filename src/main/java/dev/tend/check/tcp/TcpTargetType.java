package dev.tend.check.tcp;

import dev.tend.config.spec.Field;
import dev.tend.target.Address;
import dev.tend.target.AddressSpec;
import dev.tend.target.Target;
import dev.tend.target.TargetBinding;
import dev.tend.target.TargetType;
import java.util.List;

/** {@code type: tcp}: the port accepts a connection within the timeout. */
public final class TcpTargetType implements TargetType {

    @Override
    public String name() {
        return "tcp";
    }

    @Override
    public String summary() {
        return "a TCP port that must accept connections";
    }

    @Override
    public List<Field> fields() {
        return List.of(Field.required("address", new AddressSpec(), "HOST:PORT to connect to"));
    }

    @Override
    public Target bind(TargetBinding binding) {
        return new TcpTarget(binding.settings(), binding.fields().<Address>value("address"));
    }
}
