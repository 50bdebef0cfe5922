package dev.tend.config;

import java.util.Comparator;
import java.util.List;

/**
 * Replaces every known secret value in a text. Applied to every reason and error Tend shows, as a
 * last line of defence: a driver may echo a URL or a server may echo what it was sent.
 */
public final class Redactor {
    public static final String MASK = "******";
    private final List<String> secrets;

    public Redactor(List<String> secrets) {
        // Longest first, so a secret that contains another is masked whole.
        this.secrets = secrets.stream().filter(s -> s.length() >= 3).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static Redactor none() {
        return new Redactor(List.of());
    }

    public String redact(String text) {
        if (text == null) return null;
        var result = text;
        for (var secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }
}
