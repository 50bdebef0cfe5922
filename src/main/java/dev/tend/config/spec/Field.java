package dev.tend.config.spec;

/**
 * A key of an object spec. The default is written as YAML and read by the field's own spec, so
 * defaults obey the same rules as user input and appear verbatim in the JSON Schema.
 */
public record Field(String name, Spec spec, boolean required, String defaultYaml, String description) {

    public static Field required(String name, Spec spec, String description) {
        return new Field(name, spec, true, null, description);
    }

    public static Field optional(String name, Spec spec, String description) {
        return new Field(name, spec, false, null, description);
    }

    public static Field withDefault(String name, Spec spec, String defaultYaml, String description) {
        return new Field(name, spec, false, defaultYaml, description);
    }
}
