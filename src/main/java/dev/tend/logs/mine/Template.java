package dev.tend.logs.mine;

import java.util.Arrays;
import java.util.List;

/**
 * One group of lines the miner found: its template (the words every line of it shares, {@code <*>}
 * where they differ), how many lines it holds, and its id (creation order, never reused: a line's
 * group stays the same while later lines widen its template).
 */
public final class Template {
    public static final String WILDCARD = "<*>";
    private final int id;
    private final String[] tokens;
    private long size;

    Template(int id, List<String> tokens) {
        this.id = id;
        this.tokens = tokens.toArray(String[]::new);
    }

    public int id() {
        return id;
    }

    public long size() {
        return size;
    }

    public String text() {
        return String.join(" ", tokens);
    }

    int length() {
        return tokens.length;
    }

    String token(int index) {
        return tokens[index];
    }

    void wildcard(int index) {
        tokens[index] = WILDCARD;
    }

    /** Takes over the lines of a template merged into this one. */
    void absorb(Template other) {
        size += other.size;
    }

    void add() {
        size++;
    }

    /** How alike: the share of positions with the same word (a wildcard matches nothing), and the wildcards. */
    double similarity(List<String> words) {
        int same = 0;
        for (int index = 0; index < tokens.length; index++) {
            if (!tokens[index].equals(WILDCARD) && tokens[index].equals(words.get(index))) same++;
        }
        return (double) same / tokens.length;
    }

    int wildcards() {
        return (int) Arrays.stream(tokens).filter(WILDCARD::equals).count();
    }

    /** Widens the template to cover the words: every position where they differ becomes a wildcard. */
    void widen(List<String> words) {
        for (int index = 0; index < tokens.length; index++) {
            if (!tokens[index].equals(words.get(index))) tokens[index] = WILDCARD;
        }
    }

    /** Whether another template (of another run) describes the same lines: equal words, or a wildcard on either side. */
    public static boolean sameShape(String one, String other) {
        var left = Masking.tokens(one);
        var right = Masking.tokens(other);
        if (left.size() != right.size()) return false;
        for (int index = 0; index < left.size(); index++) {
            var a = left.get(index);
            var b = right.get(index);
            if (!a.equals(b) && !a.equals(WILDCARD) && !b.equals(WILDCARD)) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return id + ": " + text() + " (" + size + ")";
    }
}
