package dev.tend.config.spec;

/** One thing wrong with a configuration file, located precisely enough to jump to. */
public record ConfigProblem(String file, int line, int column, String path, String message, String hint) {

    /** Formats as {@code file:line:column: path: message (hint: ...)}, the way compilers do. */
    public String format() {
        var advice = hint == null || hint.isEmpty() ? "" : "\n    hint: " + hint;
        return location() + message + advice;
    }

    /** The same shape for something that is not wrong: {@code file:line:column: path: note: message}. */
    public String formatNote() {
        return location() + "note: " + message;
    }

    private String location() {
        return file + ":" + line + ":" + column + ": " + (path == null || path.isEmpty() ? "" : path + ": ");
    }
}
