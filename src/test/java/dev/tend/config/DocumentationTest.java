package dev.tend.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.target.CommonFields;
import dev.tend.target.TargetTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The configuration reference must name every key the loader accepts. */
class DocumentationTest {

    @Test
    void everyKeyOfEveryTargetTypeIsDocumented() throws Exception {
        var reference = Files.readString(Path.of("docs/configuration.md"));
        var types = TargetTypes.builtIn();

        types.byName().forEach((name, type) -> {
            assertThat(reference).as("section for type " + name).contains("## `" + name + "`");
            type.fields().forEach(field -> assertThat(reference).as(name + "." + field.name()).contains("`" + field.name() + "`"));
        });
        CommonFields.fields().forEach(field -> assertThat(reference).contains("`" + field.name() + "`"));
        ConfigSchema.root(types).fields()
                .forEach(field -> assertThat(reference).contains("`" + field.name() + "`"));
    }
}
