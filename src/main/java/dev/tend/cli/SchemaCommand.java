package dev.tend.cli;

import dev.tend.config.ConfigSchema;
import dev.tend.registry.BuiltIn;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code tend schema}: the JSON Schema of tend.yaml, for editors (yaml-language-server). */
@Command(name = "schema", footerHeading = "%nExamples:%n", footer = {"  tend schema > tend.schema.json"},
        description = "Print the JSON Schema of tend.yaml for editors.")
final class SchemaCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        var out = spec.commandLine().getOut();
        out.println(json.writeValueAsString(ConfigSchema.jsonSchema(BuiltIn.sections())));
        out.flush();
        return 0;
    }
}
