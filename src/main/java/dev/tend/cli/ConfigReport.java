package dev.tend.cli;

import dev.tend.config.ConfigException;
import java.io.PrintWriter;

/** Prints configuration problems the way compilers do, so editors can jump to them. */
final class ConfigReport {
    private ConfigReport() {}

    static void print(ConfigException failure, PrintWriter err) {
        for (var problem : failure.problems()) {
            err.println(problem.format());
        }
        int count = failure.problems().size();
        err.println(count + " problem" + (count == 1 ? "" : "s") + " found; nothing was run.");
        err.flush();
    }
}
