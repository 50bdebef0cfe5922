package dev.tend.config.spec;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * A key of an object spec. The default is written as YAML and read by the field's own spec, so
 * defaults obey the same rules as user input and appear verbatim in the JSON Schema. It is parsed
 * once, here: re-parsing it for every target made loading 10,000 targets take seconds.
 */
public record Field(String name, Spec spec, boolean required, String defaultYaml, Node defaultNode, String description) {
    /** Shared: building a schema compiles its regular expressions, which cost more than parsing a default. */
    private static final LoadSettings DEFAULTS = LoadSettings.builder().setSchema(new CoreSchema()).build();

    public static Field required(String name, Spec spec, String description) {
        return new Field(name, spec, true, null, null, description);
    }

    public static Field optional(String name, Spec spec, String description) {
        return new Field(name, spec, false, null, null, description);
    }

    public static Field withDefault(String name, Spec spec, String defaultYaml, String description) {
        var node = new Compose(DEFAULTS).composeString(defaultYaml)
                .orElseThrow(() -> new IllegalArgumentException("empty default for " + name));
        return new Field(name, spec, false, defaultYaml, node, description);
    }
}
