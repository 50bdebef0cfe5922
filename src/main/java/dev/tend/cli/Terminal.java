package dev.tend.cli;

import java.util.function.Function;

/** Whether output goes to a person at a terminal (colours) or to a pipe or file (plain). */
final class Terminal {
    private Terminal() {}

    static boolean colors(Function<String, String> environment) {
        var term = environment.apply("TERM");
        return isTerminal() && environment.apply("NO_COLOR") == null && term != null && !term.equals("dumb");
    }

    /** Since Java 22 System.console() exists even for pipes; isTerminal() (22+) tells them apart. */
    static boolean isTerminal() {
        var console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) console.getClass().getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJava) {
            return true;
        }
    }
}
