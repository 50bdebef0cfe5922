package dev.tend.config.spec;

import java.util.Collection;
import java.util.Comparator;

/** "Did you mean ...?" hints for misspelt keys and values. */
public final class Suggestions {
    private Suggestions() {}

    /** The closest candidate within a small edit distance as a hint, otherwise the full list. */
    public static String didYouMean(String given, Collection<String> candidates) {
        var closest = candidates.stream()
                .min(Comparator.comparingInt(candidate -> distance(given.toLowerCase(), candidate.toLowerCase())))
                .orElse(null);
        if (closest != null && distance(given.toLowerCase(), closest.toLowerCase()) <= Math.max(2, given.length() / 3)) {
            return "did you mean '" + closest + "'?";
        }
        return "expected one of: " + String.join(", ", candidates);
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
