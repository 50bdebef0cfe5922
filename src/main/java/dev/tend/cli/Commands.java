package dev.tend.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The top-level commands, in the order help lists them. Picocli reads every registered command's
 * annotations by reflection before it parses anything (about 100 ms for the whole tree at a cold
 * start), so a command line that names one command gets a tree with only that one; help, a bare
 * {@code tend} or an unknown name get them all.
 */
final class Commands {
    static final Map<String, Class<?>> TOP_LEVEL = top(ValidateCommand.class, CheckCommand.class, SchemaCommand.class, PgCommand.class,
            RunCommand.class, BackupCommand.class, WindowsCommand.class, PlanCommand.class, ServeCommand.class, ChecklistCommand.class,
            RunbookCommand.class, AlertsCommand.class, AlertCommand.class, IncidentsCommand.class, IncidentCommand.class, OncallCommand.class, NotifyCommand.class,
            StatusCommand.class, TokenCommand.class, UserCommand.class, AuditCommand.class, LogsCommand.class, ForecastCommand.class, ReportCommand.class, AccessCommand.class, CleanupCommand.class,
            DemoCommand.class, HelpCommand.class);
    /** The root's options that take a value in the next argument. */
    private static final List<String> ROOT_OPTIONS_WITH_VALUE = List.of("-c", "--config");

    private Commands() {}

    /** The commands a command line needs: the one it names, or all of them. */
    static Map<String, Class<?>> neededFor(String... args) {
        for (int index = 0; index < args.length; index++) {
            var arg = args[index];
            if (ROOT_OPTIONS_WITH_VALUE.contains(arg)) {
                index++;
            } else if (!arg.startsWith("-")) {
                var command = TOP_LEVEL.get(arg);
                // help walks the whole tree; an unknown name is answered with the list of all.
                return command == null || command == HelpCommand.class ? TOP_LEVEL : Map.of(arg, command);
            }
        }
        return TOP_LEVEL;
    }

    private static Map<String, Class<?>> top(Class<?>... commands) {
        var byName = new LinkedHashMap<String, Class<?>>();
        for (var command : commands) byName.put(command.getAnnotation(picocli.CommandLine.Command.class).name(), command);
        return byName;
    }
}
