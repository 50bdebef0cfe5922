package dev.tend.config.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** Collects every problem found in one file so they can all be reported at once. */
public final class Problems {
    private final String file;
    private final List<ConfigProblem> found = new ArrayList<>();
    private final List<ConfigProblem> notes = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public void at(Node node, String path, String message, String hint) {
        var mark = node == null ? null : node.getStartMark().orElse(null);
        at(mark, path, message, hint);
    }

    public void at(Mark mark, String path, String message, String hint) {
        int line = mark == null ? 1 : mark.getLine() + 1;
        int column = mark == null ? 1 : mark.getColumn() + 1;
        found.add(new ConfigProblem(file, line, column, path, message, hint));
    }

    /** Something worth saying that is not wrong (a secret left unresolved on purpose, say). */
    public void note(Node node, String path, String message) {
        var mark = node == null ? null : node.getStartMark().orElse(null);
        notes.add(new ConfigProblem(file, mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1, path, message, null));
    }

    public List<ConfigProblem> notes() {
        return notes.stream().sorted(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column)).toList();
    }

    public int count() {
        return found.size();
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public String file() {
        return file;
    }

    public List<ConfigProblem> sorted() {
        return found.stream()
                .sorted(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column))
                .toList();
    }
}
