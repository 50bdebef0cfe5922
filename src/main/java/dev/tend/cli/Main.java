package dev.tend.cli;

import java.time.Clock;
import picocli.CommandLine;

/** Entry point of the {@code tend} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(Clock.systemUTC(), args));
    }

    public static int run(Clock clock, String... args) {
        var commandLine = new CommandLine(new TendCommand(), new Factory(clock));
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine.execute(args);
    }

    /** Hands the injected clock to every subcommand that wants one. */
    private record Factory(Clock clock) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (var constructor : type.getDeclaredConstructors()) {
                if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == Clock.class) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(clock));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
