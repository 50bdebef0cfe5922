package dev.tend.config.spec;

import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A value that is either plain text or a secret reference ({@code ${env:NAME}}, {@code ${file:/path}}):
 * reads as a String or as a {@link dev.tend.config.Secret}. Only references are secrets (and redacted
 * wherever Tend prints), so a plain {@code LOG_LEVEL: debug} does not blank out every "debug".
 */
public record ValueOrSecretSpec() implements Spec {

    @Override
    public Object read(Node node, String path, ReadContext context) {
        var scalar = Scalars.scalar(node, path, context, expected()).orElse(null);
        if (scalar == null) return null;
        return scalar.getValue().startsWith("${") ? new SecretSpec().read(node, path, context) : scalar.getValue();
    }

    @Override
    public Map<String, Object> jsonSchema() {
        return Map.of("type", "string", "description", "plain text, or a secret reference: \"${env:NAME}\" or \"${file:/path}\"");
    }

    @Override
    public String expected() {
        return "text or a secret reference such as \"${env:NAME}\"";
    }
}
