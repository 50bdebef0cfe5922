package dev.tend.config;

import dev.tend.config.spec.Field;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.NumberSpec;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.PathSpec;
import dev.tend.config.spec.SecretSpec;
import dev.tend.config.spec.StringSpec;
import dev.tend.target.TargetSpec;
import dev.tend.target.TargetTypes;
import java.util.LinkedHashMap;
import java.util.Map;

/** The whole shape of tend.yaml, used both to read it and to print its JSON Schema. */
public final class ConfigSchema {
    private ConfigSchema() {}

    public static ObjectSpec root(TargetTypes types) {
        return ObjectSpec.of("Tend configuration (tend.yaml)",
                Field.required("platform", ObjectSpec.of("the platform this file describes",
                        Field.required("name", StringSpec.any(), "the platform's name, shown in reports"),
                        Field.withDefault("timezone", StringSpec.any(), "UTC", "IANA time zone, e.g. Europe/Berlin")),
                        "platform: {name: ..., timezone: UTC}"),
                Field.required("targets", ListSpec.of(new TargetSpec(types)), "the components Tend watches"),
                dev.tend.backup.BackupSpec.field(),
                dev.tend.schedule.WindowSpec.field(),
                dev.tend.schedule.ScheduleSpec.field(),
                dev.tend.schedule.ServeSettings.field(),
                dev.tend.runbook.ChecklistSpec.people(),
                dev.tend.runbook.ChecklistSpec.checklists(),
                dev.tend.runbook.RunbookSpec.field(),
                Field.withDefault("runner", ObjectSpec.of("how checks are run",
                        Field.withDefault("concurrency", NumberSpec.whole(1, 100_000), "256",
                                "most checks in flight at once, over all targets (each target also has its own limit)")),
                        "{}", "runner: {concurrency: 256}"),
                Field.optional("store", ObjectSpec.of("where Tend keeps results (default: SQLite in ./tend-data/tend.db)",
                        Field.optional("url", StringSpec.any(), "PostgreSQL: postgresql://USER@HOST:PORT/DB or jdbc:postgresql://..."),
                        Field.optional("user", StringSpec.any(), "PostgreSQL user, if not in the URL"),
                        Field.optional("password", new SecretSpec(), "PostgreSQL password, e.g. \"${env:TEND_DB_PASSWORD}\""),
                        Field.optional("path", new PathSpec(false), "SQLite file (default tend-data/tend.db)")),
                        "the store for results and evidence"));
    }

    /** The JSON Schema document editors use for tend.yaml. */
    public static Map<String, Object> jsonSchema(TargetTypes types) {
        var schema = new LinkedHashMap<String, Object>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "https://tend.dev/schema/tend.schema.json");
        schema.put("title", "tend.yaml");
        schema.putAll(root(types).jsonSchema());
        return schema;
    }
}
