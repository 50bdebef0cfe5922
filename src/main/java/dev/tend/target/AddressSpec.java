package dev.tend.target;

import dev.tend.config.spec.ReadContext;
import dev.tend.config.spec.Spec;
import dev.tend.config.spec.StringSpec;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/** "host:port", read as an {@link Address}; with {@code anyPort}, port 0 ("any free port", for a listener) is allowed. */
public record AddressSpec(boolean anyPort) implements Spec {

    public AddressSpec() {
        this(false);
    }

    @Override
    public Object read(Node node, String path, ReadContext context) {
        var text = (String) StringSpec.any().read(node, path, context);
        if (text == null) return null;
        var address = anyPort ? Address.parseListen(text) : Address.parse(text);
        if (address == null) {
            context.problems().at(node, path, "\"" + text + "\" is not HOST:PORT", "e.g. 127.0.0.1:5432 or db.internal:443");
        }
        return address;
    }

    @Override
    public Map<String, Object> jsonSchema() {
        return Map.of("type", "string", "pattern", "^.+:[0-9]{1,5}$");
    }

    @Override
    public String expected() {
        return "HOST:PORT";
    }
}
