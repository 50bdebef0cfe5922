package dev.tend.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;

/** Entry point of the {@code tend} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        var out = new PrintWriter(System.out, true);
        var err = new PrintWriter(System.err, true);
        System.exit(run(new Environment(Clock.systemUTC(), System::getenv), out, err, args));
    }

    /** What the commands take from the outside world, injected so tests can supply their own. */
    public record Environment(Clock clock, Function<String, String> variables) {}

    public static int run(Environment environment, PrintWriter out, PrintWriter err, String... args) {
        var commandLine = commandLine(environment, Commands.neededFor(args));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        return commandLine.execute(args);
    }

    /** The whole command tree, every command with -h/--help. */
    static CommandLine commandLine(Environment environment) {
        return commandLine(environment, Commands.TOP_LEVEL);
    }

    private static CommandLine commandLine(Environment environment, Map<String, Class<?>> commands) {
        var factory = new Factory(environment);
        var commandLine = new CommandLine(new TendCommand(environment), factory);
        commands.forEach((name, command) -> {
            var sub = new CommandLine(command, factory);
            // tend run ACTION ARGS: the action's own options (--requests 100) stay in order among its arguments.
            if (command == RunCommand.class) sub.setUnmatchedOptionsArePositionalParams(true);
            commandLine.addSubcommand(name, sub);
        });
        HelpOptions.addEverywhere(commandLine);
        return commandLine;
    }

    /** Hands the environment to every command that asks for it in its constructor. */
    private record Factory(Environment environment) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (var constructor : type.getDeclaredConstructors()) {
                if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == Environment.class) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(environment));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
