package dev.tend.config.spec;

import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/** A credential: a reference such as ${env:NAME} or ${file:/path}, resolved while reading. */
public record SecretSpec() implements Spec {

    @Override
    public Object read(Node node, String path, ReadContext context) {
        var scalar = Scalars.scalar(node, path, context, expected()).orElse(null);
        if (scalar == null) return null;
        var resolution = context.secrets().resolve(scalar.getValue());
        if (resolution.problem() != null) {
            // Reported here; the unresolved secret it carries lets what refers to this target bind without follow-on errors.
            context.problems().at(node, path, resolution.problem(), resolution.hint());
        }
        if (resolution.note() != null) context.problems().note(node, path, resolution.note());
        return resolution.secret();
    }

    @Override
    public Map<String, Object> jsonSchema() {
        return Map.of("type", "string", "description",
                "a secret: \"${env:NAME}\" or \"${file:/path}\" (a literal value works but keeps the secret in this file)");
    }

    @Override
    public String expected() {
        return "a secret reference such as \"${env:NAME}\"";
    }
}
