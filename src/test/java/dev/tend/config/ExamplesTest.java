package dev.tend.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.target.TargetTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped example must stay valid as the schema evolves. */
class ExamplesTest {

    static Stream<Path> examples() throws IOException {
        try (var files = Files.list(Path.of("examples"))) {
            var found = files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
            assertThat(found).as("examples/*.yaml").hasSizeGreaterThanOrEqualTo(2);
            return found.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleIsValid(Path example) throws Exception {
        // Examples reference secrets through the environment; any value satisfies validation.
        var loader = new ConfigLoader(TargetTypes.builtIn(), name -> "example-secret-value");

        var config = loader.load(example);

        assertThat(config.targets()).isNotEmpty();
    }
}
