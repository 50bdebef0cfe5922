package dev.tend.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The launcher trains its start-up caches with this run after every build: its config must stay
 * valid as the schema grows (else the cache would hold the error path), the logs scenario's commands
 * must do their work (a refused one throws), and it must clean up.
 */
class AotTrainingTest {

    @ParameterizedTest
    @ValueSource(strings = {"check", "validate", "all", "logs"})
    void eachScenarioRunsToTheEndAndLeavesNothingBehind(String scenario) throws Exception {
        var temporary = Path.of(System.getProperty("java.io.tmpdir"));
        long before = countTrainingDirectories(temporary);

        assertThatCode(() -> AotTraining.main(new String[] {scenario})).doesNotThrowAnyException();

        assertThat(countTrainingDirectories(temporary)).isEqualTo(before);
    }

    @Test
    void anUnknownScenarioIsRefused() {
        assertThatThrownBy(() -> AotTraining.main(new String[] {"serve"})).hasMessageContaining("check, validate, all or logs");
    }

    private static long countTrainingDirectories(Path temporary) throws Exception {
        try (var entries = Files.list(temporary)) {
            return entries.filter(path -> path.getFileName().toString().startsWith("tend-aot-training")).count();
        }
    }
}
