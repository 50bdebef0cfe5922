package dev.tend.check;

/** Text from targets (health output, server messages) made fit for a one-line reason. */
public final class Text {
    private Text() {}

    /** The first line, trimmed: drivers append stack-like detail after it. */
    public static String firstLine(String text) {
        if (text == null) return "";
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }

    /** Control characters (escape sequences, newlines) become spaces, so output cannot be garbled. */
    public static String printable(String text) {
        if (text == null) return null;
        var builder = new StringBuilder(text.length());
        text.codePoints().forEach(c -> builder.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return builder.toString();
    }
}
