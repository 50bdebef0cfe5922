package dev.tend.config.spec;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** Turns a default written as YAML into the plain value the JSON Schema shows. */
final class YamlDefaults {
    private YamlDefaults() {}

    static Object toJson(String yaml) {
        return new Load(LoadSettings.builder().setSchema(new CoreSchema()).build()).loadFromString(yaml);
    }
}
