package dev.tend.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds Java in text meant for people: class names, package names, exception wording. A reason
 * such as "PKIX path building failed: sun.security...Exception" tells an on-call engineer nothing.
 */
public final class JavaNames {
    // A package prefix counts only at the start of a word: "wrong.example.org." is a host name, not Java.
    private static final Pattern JAVA = Pattern.compile(
            "Exception|(?<![\\w.-])(java|javax|jdk|sun|org|com)\\.[a-z]|software\\.amazon|redis\\.clients|\\b[A-Z][a-z]+[A-Z]\\w*Error\\b");

    private JavaNames() {}

    /** Each piece of Java found in the text, with a little context around it. */
    public static List<String> in(String text) {
        var found = new ArrayList<String>();
        var matcher = JAVA.matcher(text);
        while (matcher.find()) {
            found.add("…" + text.substring(Math.max(0, matcher.start() - 30), Math.min(text.length(), matcher.end() + 30)) + "…");
        }
        return found;
    }
}
