package dev.tend.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tend.config.spec.ConfigProblem;
import dev.tend.registry.BuiltIn;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files that used to crash the loader, each now one problem at the place that causes it. */
class HostileConfigTest {
    @TempDir
    Path directory;

    @Test
    void nestingThousandsOfLevelsDeepStopsAtTheSixtyFifthLevel() throws Exception {
        var flow = "platform: " + "[".repeat(3000) + "]".repeat(3000) + "\n";
        var block = new StringBuilder("platform:\n");
        for (int level = 1; level <= 1000; level++) block.append(" ".repeat(level)).append("a:\n");

        assertThat(onlyProblem(flow)).satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.column()).isEqualTo(11 + 63);
            assertThat(problem.message()).isEqualTo("the file nests more than 64 levels deep");
        });
        assertThat(onlyProblem(block.toString()).line()).isEqualTo(65);
    }

    @Test
    void anAliasInsideItsOwnAnchorIsNamed() throws Exception {
        var problem = onlyProblem("platform: { name: Lab }\ntargets: &all [ { name: a, type: tcp, address: \"127.0.0.1:1\", dependsOn: *all } ]\n");

        assertThat(problem.message()).contains("refers to a value that contains it");
        assertThat(problem.line()).isEqualTo(2);
    }

    @Test
    void aBillionLaughsStopsAtTheFiftyFirstAlias() throws Exception {
        var text = new StringBuilder("platform: { name: Lab }\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level < 9; level++) {
            text.append("a").append(level).append(": &a").append(level).append(" [").append(String.join(", ",
                    java.util.Collections.nCopies(10, "*a" + (level - 1)))).append("]\n");
        }

        var problem = onlyProblem(text.toString());

        assertThat(problem.message()).isEqualTo("more than 50 aliases (*name) of lists or mappings");
        assertThat(problem.line()).as("a1 to a5 (lines 3-7) hold 50 aliases; a6 holds the 51st").isEqualTo(8);
    }

    @Test
    void aControlCharacterIsLocatedToItsColumn() throws Exception {
        var problem = onlyProblem("platform: {name: \"a\u0001b\"}\ntargets: []\n");

        assertThat(problem.message()).isEqualTo("the file holds a character YAML does not allow (code point U+0001)");
        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.column()).isEqualTo(20);
    }

    @Test
    void aFileOverOneMebibyteIsNotRead() throws Exception {
        var problem = onlyProblem("platform: { name: Lab }\ntargets: []\n# " + "x".repeat(1024 * 1024) + "\n");

        assertThat(problem.message()).startsWith("the file is 1024 KiB; a tend.yaml is at most 1024 KiB");
    }

    private ConfigProblem onlyProblem(String text) throws Exception {
        var file = directory.resolve("tend.yaml");
        Files.writeString(file, text);
        var loader = BuiltIn.configLoader(name -> "secret");
        var failure = (ConfigException) catchThrowable(() -> loader.load(file));
        assertThat(failure).as("the load fails").isNotNull();
        assertThat(failure.problems()).hasSize(1);
        return failure.problems().get(0);
    }

    @Test
    void theLoaderNeverThrowsAnythingButConfigException() {
        assertThatThrownBy(() -> BuiltIn.configLoader(name -> null).parse("\u0000", Path.of("x.yaml")))
                .isInstanceOf(ConfigException.class);
    }
}
