package dev.tend.cli;

import dev.tend.registry.BuiltIn;
import java.io.PrintWriter;

/** {@code tend run --list}: every action by name, with its usage as written after run: (and on tend run's command line). */
final class RunList {
    private RunList() {}

    static void print(PrintWriter out) {
        var actions = BuiltIn.actions();
        for (var name : actions.names()) out.println("  " + actions.usage(name));
        out.println();
        out.println("Disruptive actions run only inside an open maintenance window covering their target, or with --force.");
        out.println("Every action takes --dry-run (say what it would do) and --json.");
        out.flush();
    }
}
