package dev.tend.logs.analyze;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One analysis of a source, in the sections the runbooks ask for. {@code complete} is false when
 * an input could not be read: the report then never claims a clean bill.
 */
public record LogReport(String source, String format, Instant since, Instant analyzedAt, Totals totals, List<Input> inputs, List<Unmatched> unmatched,
        List<Pattern> errors, List<Pattern> memory, Database database, Requests requests, List<Statement> statements) {

    /** Lines read; records (a record's continuation lines, such as a stack trace, belong to it); lines no format understood. */
    public record Totals(long lines, long records, long continuations, long unmatched, long inWindow, long errors) {}

    public record Input(String file, long lines, String problem) {}

    public record Unmatched(String file, long line, String text) {}

    /** A template: its id in this analysis, its text, how many lines, when, two examples; new when no earlier analysis of the source saw it. */
    public record Pattern(String id, String template, long count, Instant first, Instant last, String severity, List<String> examples, boolean isNew) {}

    /** PostgreSQL errors by SQLSTATE class and by kind (deadlocks, lock timeouts, refused connections, too many clients), and their templates. */
    public record Database(Map<String, Long> byClass, Map<String, Long> byKind, List<Pattern> patterns) {}

    public record Requests(long total, long slow, long thresholdMs, Map<String, Long> statusClasses, List<Endpoint> endpoints) {}

    public record Endpoint(String endpoint, long count, long slow, Map<String, Long> statusClasses, Double p50Ms, Double p99Ms, Double maxMs,
            List<String> slowest) {}

    /** A normalized statement: how often, in total, on average and at most (pgBadger's top queries). */
    public record Statement(String statement, long count, double totalMs, double meanMs, double maxMs, String example) {}

    public boolean complete() {
        return inputs.stream().allMatch(input -> input.problem() == null);
    }

    /** Something to look at: errors, memory trouble, database errors, or input that could not be read. */
    public boolean findings() {
        return !errors.isEmpty() || !memory.isEmpty() || !database.patterns().isEmpty() || !complete();
    }
}
