package dev.tend.check;

import java.util.regex.Pattern;

/** Text from targets (health output, server messages) made fit for a one-line reason. */
public final class Text {
    // Drivers put class names into their messages ("PKIX path building failed:
    // sun.security...SunCertPathBuilderException: unable to find ..."): a name qualified by a Java
    // package root, or a simple name ending in Exception or Error, with the colon after it. The roots
    // keep what servers name intact: a table "public.Orders", a host db.example.org.
    private static final Pattern JAVA_NAME = Pattern.compile("(?<![\\w.-])(?:java|javax|jdk|sun|com|org|net|io|software|redis|tools|dev)"
            + "\\.(?:[a-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?::\\s*)?|\\b[A-Z]\\w*(?:Exception|Error)\\b(?::\\s*)?");

    private Text() {}

    /**
     * The text without Java class and package names, for reasons people read. What the server or
     * driver said in words stays: "PKIX path building failed: unable to find valid certification path".
     */
    public static String withoutJavaNames(String text) {
        if (text == null) return "";
        return JAVA_NAME.matcher(text).replaceAll("").replaceAll("\\(\\s*\\)", "").replaceAll("\\s{2,}", " ")
                .replaceAll("^[\\s:;,]+|[\\s:;,]+$", "").strip();
    }

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
