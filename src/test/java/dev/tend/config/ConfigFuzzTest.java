package dev.tend.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tend.cli.Main;
import dev.tend.config.spec.ConfigProblem;
import dev.tend.registry.BuiltIn;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tend validate} over generated and mutated config files: whatever the bytes, it answers
 * with exit 0 (valid) or 2 (located problems), never a stack trace, never a hang, within bounded
 * memory. Seeded and reproducible: -Dtend.fuzz.seed=N -Dtend.fuzz.cases=N; a failure names the
 * seed and case and leaves the file behind.
 */
class ConfigFuzzTest {
    private static final long SEED = Long.getLong("tend.fuzz.seed", 20261130L);
    private static final int CASES = Integer.getInteger("tend.fuzz.cases", 10_000);
    /** Far above a normal validation (a few MB) yet far below the heap: a runaway shows, noise does not. */
    private static final long MAX_ALLOCATED_BYTES = 1024L * 1024 * 1024;
    /** A stack trace, a Java name, or the loader's last-resort answer to a bug of its own. */
    private static final Pattern JAVA_LEAK = Pattern.compile("\\tat |Exception|java\\.|Error:|an error in Tend");
    private static final Pattern LOCATED = Pattern.compile("(?m)^.+:\\d+:\\d+: ");

    @TempDir
    Path directory;

    @Test
    void anyConfigFileEndsInExitZeroOrALocatedProblem() throws Exception {
        var mutations = new ConfigMutations(corpus());
        var systematic = new ArrayList<>(mutations.everyKeyWithEveryWrongType());
        var random = new Random(SEED);
        java.util.Collections.shuffle(systematic, random);
        var cases = new ArrayList<byte[]>();
        systematic.stream().limit(CASES / 3).forEach(generate -> cases.add(generate.get()));
        while (cases.size() < CASES) cases.add(mutations.next(random));

        var file = directory.resolve("tend.yaml");
        int valid = 0;
        // Distinct failures (by kind and place), each with the first case that showed it: one run reports them all.
        var failures = new LinkedHashMap<String, String>();
        var executor = Executors.newSingleThreadExecutor();
        try {
            for (int index = 0; index < cases.size(); index++) {
                Files.write(file, cases.get(index));
                var withoutSecrets = index % 2 == 0;
                // Every case through the loader; every 25th through the CLI instead (building the command tree costs ten loads).
                var throughCli = index % 25 == 0;
                var future = executor.submit(() -> throughCli ? validate(file, withoutSecrets) : load(file, withoutSecrets));
                Outcome outcome;
                try {
                    outcome = future.get(20, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    throw new AssertionError(failure(index, file, "did not finish within 20 s"));
                } catch (ExecutionException e) {
                    failures.putIfAbsent(where(e.getCause()), failure(index, file, "the loader threw " + where(e.getCause()) + ": " + e.getCause().getMessage()));
                    continue;
                }
                var output = outcome.out() + outcome.err();
                var problem = outcome.exitCode() != 0 && outcome.exitCode() != 2 ? "exit " + outcome.exitCode()
                        : JAVA_LEAK.matcher(output).find() ? "Java leaked into the output"
                        : outcome.exitCode() == 2 && !LOCATED.matcher(outcome.err()).find() ? "no file:line:column"
                        : outcome.allocated() > MAX_ALLOCATED_BYTES ? "allocated " + outcome.allocated() / (1024 * 1024) + " MiB" : null;
                if (problem != null) failures.putIfAbsent(problem, failure(index, file, problem + ":\n" + output));
                if (outcome.exitCode() == 0) valid++;
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(failures.values()).as("distinct failures").isEmpty();
        // The systematic part keeps some files valid (a wrong type where any type is allowed); most are not.
        assertThat(cases).hasSize(CASES);
        assertThat(valid).as("valid files among %d", CASES).isBetween(1, CASES / 2);
    }

    /** An exception's kind and the first two frames of Tend's own code (the first is often a shared accessor). */
    private static String where(Throwable failure) {
        var frames = java.util.Arrays.stream(failure.getStackTrace()).filter(element -> element.getClassName().startsWith("dev.tend"))
                .limit(2).map(StackTraceElement::toString).toList();
        return failure.getClass().getSimpleName() + " at " + frames;
    }

    record Outcome(int exitCode, String out, String err, long allocated) {}

    /** What tend validate would print, as the CLI prints it. */
    private static Outcome validate(Path file, boolean withoutSecrets) {
        long before = allocatedSoFar();
        var out = new StringWriter();
        var err = new StringWriter();
        var args = withoutSecrets ? new String[] {"validate", "--without-secrets", "-c", file.toString()}
                : new String[] {"validate", "-c", file.toString()};
        int code = Main.run(new Main.Environment(Clock.systemUTC(), name -> "fuzz-secret"), new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString(), allocatedSoFar() - before);
    }

    /** The loader alone (about ten times faster than building the command tree): any exception but ConfigException escapes. */
    private static Outcome load(Path file, boolean withoutSecrets) {
        long before = allocatedSoFar();
        var loader = BuiltIn.configLoader(name -> "fuzz-secret");
        try {
            (withoutSecrets ? loader.withoutSecrets() : loader).loadWithNotes(file);
            return new Outcome(0, "", "", allocatedSoFar() - before);
        } catch (ConfigException e) {
            var err = String.join("\n", e.problems().stream().map(ConfigProblem::format).toList());
            return new Outcome(e.problems().isEmpty() ? 1 : 2, "", err, allocatedSoFar() - before);
        }
    }

    private static long allocatedSoFar() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static String failure(int index, Path file, String what) throws IOException {
        var kept = Path.of("target", "fuzz-failure-seed" + SEED + "-case" + index + ".yaml");
        Files.createDirectories(kept.getParent());
        Files.copy(file, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return "case " + index + " of seed " + SEED + " (kept as " + kept + "): " + what;
    }

    private static List<String> corpus() throws IOException {
        var texts = new ArrayList<String>();
        try (var files = Files.list(Path.of("examples"))) {
            for (var example : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) texts.add(Files.readString(example));
        }
        if (texts.isEmpty()) fail("no examples/*.yaml to mutate");
        texts.add("""
                platform: { name: Lab, timezone: Europe/Berlin }
                targets:
                  - { name: db, type: postgres, url: "postgresql://tend@127.0.0.1:5432/app", password: "${env:PGPASSWORD}", timeout: 3s }
                  - { name: api, type: http, url: "http://127.0.0.1:8080/health", dependsOn: [db] }
                store: { path: tend.db }
                """);
        return texts;
    }
}
