package dev.tend.cli;

import dev.tend.config.ConfigException;
import java.io.PrintWriter;

/** Prints configuration problems the way compilers do, so editors can jump to them. */
final class ConfigReport {
    /** As javac stops at 100 errors: past that, the first ones are what to fix, and the rest often follow from them. */
    static final int MAX_SHOWN = 100;

    private ConfigReport() {}

    static void print(ConfigException failure, PrintWriter err) {
        var problems = failure.problems();
        problems.stream().limit(MAX_SHOWN).forEach(problem -> err.println(problem.format()));
        int count = problems.size();
        if (count > MAX_SHOWN) err.println("... and " + (count - MAX_SHOWN) + " more not shown; fix these first.");
        err.println(count + " problem" + (count == 1 ? "" : "s") + " found; nothing was run.");
        err.flush();
    }
}
