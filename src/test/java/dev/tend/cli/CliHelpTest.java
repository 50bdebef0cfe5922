package dev.tend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Walks the whole command tree, so a command added later cannot ship without help or examples. */
class CliHelpTest {

    record Run(int exitCode, String out, String err) {}

    /** Every command path: [], [check], [backup], [backup, create], ... */
    static Stream<List<String>> commands() {
        var paths = new ArrayList<List<String>>();
        collect(Main.commandLine(new Main.Environment(Clock.systemUTC(), name -> null)), new ArrayList<>(), paths);
        assertThat(paths).as("the command tree").hasSizeGreaterThan(20);
        return paths.stream();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            path.add(name);
            collect(sub, path, paths);
            path.remove(path.size() - 1);
        });
    }

    @ParameterizedTest(name = "tend {0} --help")
    @MethodSource("commands")
    void helpOptionPrintsUsageWithExamplesAndExitsZero(List<String> path) {
        var args = new ArrayList<>(path);
        args.add("--help");

        var run = tend(args);

        assertHelp(path, run);
    }

    @ParameterizedTest(name = "tend help {0}")
    @MethodSource("commands")
    void helpCommandPrintsTheSameUsage(List<String> path) {
        var args = new ArrayList<String>();
        args.add("help");
        args.addAll(path);

        var run = tend(args);

        assertHelp(path, run);
        var viaOption = new ArrayList<>(path);
        viaOption.add("-h");
        assertThat(run.out()).isEqualTo(tend(viaOption).out());
    }

    @Test
    void helpForAnUnknownCommandSaysWhichCommandsThereAreAndExitsTwo() {
        var run = tend(List.of("help", "backup", "nope"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'tend backup' has no command 'nope'").contains("create, list, verify");
    }

    private static void assertHelp(List<String> path, Run run) {
        var name = String.join(" ", Stream.concat(Stream.of("tend"), path.stream()).toList());
        assertThat(run.exitCode()).as(name + " exit code").isZero();
        assertThat(run.err()).as(name + " stderr").isEmpty();
        assertThat(run.out()).as(name + " usage").startsWith("Usage: " + name + " ");
        var examples = run.out().substring(Math.max(0, run.out().indexOf("\nExamples:\n")));
        assertThat(examples).as(name + " ends with examples").startsWith("\nExamples:\n");
        // Each example is a command line a user can paste: it starts with the command it explains
        // (the root's and help's examples may show any command).
        var prefix = path.isEmpty() || path.get(0).equals("help") ? "tend " : name;
        assertThat(examples.lines().skip(2).filter(line -> !line.isBlank()).toList())
                .as(name + " examples").isNotEmpty().allSatisfy(line -> assertThat(line.strip()).startsWith(prefix));
    }

    private static Run tend(List<String> args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(new Main.Environment(Clock.systemUTC(), Map.<String, String>of()::get), new PrintWriter(out),
                new PrintWriter(err), args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }
}
