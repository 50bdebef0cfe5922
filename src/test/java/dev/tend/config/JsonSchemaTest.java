package dev.tend.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.tend.registry.BuiltIn;
import dev.tend.target.TargetTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The schema editors get from `tend schema` must agree with the loader: accept what it accepts, flag what it rejects. */
class JsonSchemaTest {
    private static Schema schema;

    @BeforeAll
    static void schema() {
        var json = JsonMapper.builder().build().writeValueAsString(ConfigSchema.jsonSchema(BuiltIn.sections()));
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(json, InputFormat.JSON);
    }

    @Test
    void theExamplesConformToThePublishedSchema() throws Exception {
        for (var example : List.of("examples/molecular-platform.yaml", "examples/scgraph-hub.yaml")) {
            assertThat(validate(Files.readString(Path.of(example)))).as(example).isEmpty();
        }
        assertThat(validate(ConfigLoaderTest.MINIMAL)).isEmpty();
    }

    @Test
    void theSchemaFlagsUnknownKeysWrongTypesAndUnknownTargetTypes() {
        var errors = validate("""
                platform: { name: Lab, colour: blue }
                targets:
                  - { name: db, type: postgres, url: "postgresql://h/db", timeout: 5 }
                  - { name: x, type: postgress }
                """);

        assertThat(errors).extracting(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .anySatisfy(m -> assertThat(m).contains("property 'colour' is not defined"))
                .anySatisfy(m -> assertThat(m).contains("/targets/0/timeout: integer found, string expected"))
                .anySatisfy(m -> assertThat(m).contains("/targets/1/type: does not have a value in the enumeration"));
    }

    private static List<Error> validate(String yaml) {
        return schema.validate(yaml, InputFormat.YAML);
    }
}
