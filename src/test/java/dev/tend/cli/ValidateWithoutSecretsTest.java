package dev.tend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code tend validate --without-secrets}: a team's CI validates tend.yaml without production secrets. */
class ValidateWithoutSecretsTest {
    @TempDir
    Path directory;

    record Run(int exitCode, String out, String err) {}

    static Stream<Path> examples() throws IOException {
        try (var files = Files.list(Path.of("examples"))) {
            return files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void examplesValidateWithTheirSecretsUnsetAndListEachReference(Path example) throws IOException {
        var references = references(example, "(env|file)");

        var run = tend("validate", "--without-secrets", "-c", example.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(": valid — platform ");
        var notes = run.out().lines().filter(line -> line.contains(": note: secret not resolved (--without-secrets): ")).toList();
        assertThat(notes).hasSize(references).allSatisfy(note -> assertThat(note)
                .matches(example + ":\\d+:\\d+: \\S+: note: secret not resolved \\(--without-secrets\\): (environment variable \\w+|file /\\S+)"));
        assertThat(run.out()).contains(references + " secret references not resolved; everything else was checked.");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void examplesStillFailWithoutTheFlagWhenSecretsAreUnset(Path example) throws IOException {
        var references = references(example, "env");

        var run = tend("validate", "-c", example.toString());

        // One problem per unset variable: what refers to the target holding it is still checked, not reported missing.
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().filter(line -> line.startsWith(example.toString()))).hasSize(references)
                .allSatisfy(line -> assertThat(line).containsPattern("environment variable \\w+ is not set"));
        assertThat(run.err()).contains("tend validate --without-secrets").contains(references + " problems found");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void aRealErrorInAnExampleStillFails(Path example) throws IOException {
        var broken = directory.resolve("broken.yaml");
        var text = Files.readString(example);
        var mutated = text.replaceFirst("(?m)^(\\s*)type: postgres$", "$1type: postgres\n$1colour: blue");
        assertThat(mutated).isNotEqualTo(text);
        Files.writeString(broken, mutated);

        var run = tend("validate", "--without-secrets", "-c", broken.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).containsPattern("broken.yaml:\\d+:\\d+: targets\\[\\d+]\\.colour: unknown key 'colour'")
                .contains("nothing was run").doesNotContain("secret not resolved");
    }

    @Test
    void aMalformedReferenceIsAnErrorEvenWithoutSecrets() throws IOException {
        var config = directory.resolve("tend.yaml");
        Files.writeString(config, """
                platform: { name: Lab }
                targets:
                  - { name: db, type: postgres, url: "postgresql://tend@127.0.0.1:5432/app", password: "${env:NOT A NAME}" }
                  - { name: cache, type: redis, url: "redis://127.0.0.1:6379", password: "${file:relative/path}" }
                """);

        var run = tend("validate", "--without-secrets", "-c", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("tend.yaml:3:").contains("'NOT A NAME' is not an environment variable name")
                .contains("tend.yaml:4:").contains("secret file path 'relative/path' is not absolute");
    }

    @Test
    void aLiteralSecretIsNeitherANoteNorPrinted() throws IOException {
        var config = directory.resolve("tend.yaml");
        Files.writeString(config, """
                platform: { name: Lab }
                targets:
                  - { name: cache, type: redis, url: "redis://127.0.0.1:6379", password: "hunter2-literal" }
                  - { name: db, type: postgres, url: "postgresql://tend@127.0.0.1:5432/app", password: "${env:DB_PASSWORD}" }
                """);

        var run = tend("validate", "--without-secrets", "-c", config.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("tend.yaml:4:").contains("targets[1].password: note: secret not resolved (--without-secrets): "
                + "environment variable DB_PASSWORD").contains("1 secret reference not resolved").doesNotContain("hunter2");
    }

    /** How many secret references of these sources the example holds, outside comments (a line may hold two). */
    private static int references(Path example, String sources) throws IOException {
        var reference = java.util.regex.Pattern.compile("\"\\$\\{" + sources + ":[^}]+}\"");
        return Files.readAllLines(example).stream().map(line -> line.replaceFirst("#.*", ""))
                .mapToInt(line -> (int) reference.matcher(line).results().count()).sum();
    }

    private static Run tend(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(new Main.Environment(Clock.systemUTC(), Map.<String, String>of()::get), new PrintWriter(out),
                new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }
}
