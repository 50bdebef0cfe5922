package dev.tend.config.spec;

/** One thing wrong with a configuration file, located precisely enough to jump to. */
public record ConfigProblem(String file, int line, int column, String path, String message, String hint) {

    /** Formats as {@code file:line:column: path: message (hint: ...)}, the way compilers do. */
    public String format() {
        var where = file + ":" + line + ":" + column + ": ";
        var subject = path == null || path.isEmpty() ? "" : path + ": ";
        var advice = hint == null || hint.isEmpty() ? "" : "\n    hint: " + hint;
        return where + subject + message + advice;
    }
}
