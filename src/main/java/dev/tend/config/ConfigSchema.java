package dev.tend.config;

import dev.tend.config.spec.Field;
import dev.tend.config.spec.NumberSpec;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.PathSpec;
import dev.tend.config.spec.SecretSpec;
import dev.tend.config.spec.StringSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The whole shape of tend.yaml, used both to read it and to print its JSON Schema. */
public final class ConfigSchema {
    private ConfigSchema() {}

    /** The root: platform first, then every registered section in its order, then runner and store. */
    public static ObjectSpec root(ConfigSections sections) {
        var fields = new ArrayList<Field>();
        fields.add(Field.required("platform", ObjectSpec.of("the platform this file describes",
                Field.required("name", StringSpec.any(), "the platform's name, shown in reports"),
                Field.withDefault("timezone", StringSpec.any(), "UTC", "IANA time zone, e.g. Europe/Berlin")),
                "platform: {name: ..., timezone: UTC}"));
        sections.inOrder().forEach(section -> fields.add(section.field()));
        fields.add(Field.withDefault("runner", ObjectSpec.of("how checks are run",
                Field.withDefault("concurrency", NumberSpec.whole(1, 100_000), "256",
                        "most checks in flight at once, over all targets (each target also has its own limit)")),
                "{}", "runner: {concurrency: 256}"));
        fields.add(Field.optional("store", ObjectSpec.of("where Tend keeps results (default: SQLite in ./tend-data/tend.db)",
                Field.optional("url", StringSpec.any(), "PostgreSQL: postgresql://USER@HOST:PORT/DB or jdbc:postgresql://..."),
                Field.optional("user", StringSpec.any(), "PostgreSQL user, if not in the URL"),
                Field.optional("password", new SecretSpec(), "PostgreSQL password, e.g. \"${env:TEND_DB_PASSWORD}\""),
                Field.optional("path", new PathSpec(false), "SQLite file (default tend-data/tend.db)")),
                "the store for results and evidence"));
        return new ObjectSpec("Tend configuration (tend.yaml)", List.copyOf(fields));
    }

    /** The JSON Schema document editors use for tend.yaml. */
    public static Map<String, Object> jsonSchema(ConfigSections sections) {
        var schema = new LinkedHashMap<String, Object>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "https://tend.dev/schema/tend.schema.json");
        schema.put("title", "tend.yaml");
        schema.putAll(root(sections).jsonSchema());
        return schema;
    }
}
