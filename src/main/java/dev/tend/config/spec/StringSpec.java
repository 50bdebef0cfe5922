package dev.tend.config.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Plain text, optionally constrained by a pattern. Never a place for secrets: see {@link SecretSpec}. */
public record StringSpec(Pattern pattern, String patternHint) implements Spec {

    public static StringSpec any() {
        return new StringSpec(null, null);
    }

    public static StringSpec matching(String regex, String hint) {
        return new StringSpec(Pattern.compile(regex), hint);
    }

    @Override
    public Object read(Node node, String path, ReadContext context) {
        var scalar = Scalars.scalar(node, path, context, expected()).orElse(null);
        if (scalar == null) return null;
        if (scalar.getTag().equals(Tag.BOOL)) {
            context.problems().at(node, path, "expected text, found " + Scalars.describe(scalar),
                    "quote it if you mean the text: \"" + scalar.getValue() + "\"");
            return null;
        }
        var value = scalar.getValue();
        if (value.contains("${")) {
            context.problems().at(node, path, "secret references are only allowed in secret fields",
                    "put credentials in a password/secret field, e.g. password: \"${env:NAME}\"");
            return null;
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            context.problems().at(node, path, "\"" + value + "\" is not valid", patternHint);
            return null;
        }
        return value;
    }

    @Override
    public Map<String, Object> jsonSchema() {
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", "string");
        if (pattern != null) schema.put("pattern", pattern.pattern());
        return schema;
    }

    @Override
    public String expected() {
        return "text";
    }
}
