package dev.tend.logs.analyze;

import dev.tend.logs.LogEvent;
import dev.tend.logs.LogLevel;
import dev.tend.logs.LogReader;
import dev.tend.logs.format.LogFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code tend logs analyze}: one pass over a source's files, every record into the sections that
 * want it — error patterns, memory trouble, database errors, requests, slow statements. Records
 * older than {@code since} are skipped (a line without a time takes the time of the line before).
 */
public final class LogAnalyzer implements LogReader.Sink {
    /** What to look at: from when, from which level, how slow a slow request is. */
    public record Options(Instant since, LogLevel level, Duration slowRequest) {}

    static final int UNMATCHED_EXAMPLES = 5;
    private static final Pattern MEMORY = Pattern.compile(
            "(?i)out of memory|oom[- _]?kill|\\boom\\b|killed process|cannot allocate memory|memoryerror|outofmemoryerror|exit(?:ed with)? code:? ?137"
                    + "|exitcode=137|bad_alloc|allocation failed|failed to allocate");

    private final Options options;
    private final Patterns errors = new Patterns();
    private final Patterns memory = new Patterns();
    private final Patterns database = new Patterns();
    private final Map<String, Long> databaseClasses = new TreeMap<>();
    private final Map<String, Long> databaseKinds = new TreeMap<>();
    private final RequestStats requests;
    private final StatementStats statements = new StatementStats();
    private final List<LogReport.Unmatched> unmatched = new ArrayList<>();
    private final boolean postgres;
    private final LogFormat format;
    private Instant lastTime;
    private Path lastFile;
    private long inWindow;
    private long errorLines;

    private LogAnalyzer(Options options, LogFormat format) {
        this.options = options;
        this.requests = new RequestStats(options.slowRequest());
        this.postgres = format.name().startsWith("postgres") || format.name().endsWith("+postgres");
        this.format = format;
    }

    public static LogReport analyze(String source, List<Path> files, LogFormat format, Options options, Predicate<String> isNew, Instant now) {
        var analyzer = start(options, format);
        return analyzer.report(source, LogReader.read(files, format, analyzer), isNew, now);
    }

    /** An analyzer to hand records to (it is the sink), for reads other than whole files. */
    public static LogAnalyzer start(Options options, LogFormat format) {
        return new LogAnalyzer(options, format);
    }

    /** The report of what was handed in. */
    public LogReport report(String source, List<LogReader.Input> inputs, Predicate<String> isNew, Instant now) {
        var analyzer = this;
        var format = this.format;
        long lines = inputs.stream().mapToLong(LogReader.Input::lines).sum();
        long records = inputs.stream().mapToLong(LogReader.Input::records).sum();
        long continuations = inputs.stream().mapToLong(LogReader.Input::continuations).sum();
        long unmatched = inputs.stream().mapToLong(LogReader.Input::unmatched).sum();
        return new LogReport(source, format.name(), analyzer.options.since(), now,
                new LogReport.Totals(lines, records, continuations, unmatched, analyzer.inWindow, analyzer.errorLines),
                inputs.stream().map(input -> new LogReport.Input(input.file().toString(), input.lines(), input.problem())).toList(),
                List.copyOf(analyzer.unmatched), analyzer.errors.results(isNew), analyzer.memory.results(template -> false),
                new LogReport.Database(analyzer.databaseClasses, analyzer.databaseKinds, analyzer.database.results(template -> false)),
                analyzer.requests.result(), analyzer.statements.result());
    }

    @Override
    public void event(Path file, LogEvent event) {
        if (!file.equals(lastFile)) {
            lastFile = file;
            lastTime = null;
        }
        var at = event.at() != null ? event.at() : lastTime;
        if (event.at() != null) lastTime = event.at();
        if (!inWindow(at)) return;
        inWindow++;
        var message = event.message();
        if (event.level() != null && event.level().atLeast(options.level())) {
            errorLines++;
            // A failed request is grouped by its endpoint and answer, not by its raw path.
            var request = event.request();
            errors.add(request == null ? message : Endpoints.of(request.method(), request.path()) + " " + request.status(), at, event.severityWord(), message);
        }
        if (memory(message)) memory.add(message, at, event.severityWord(), message);
        if (event.request() != null) {
            var request = event.request();
            requests.add(request, at);
        }
        if (event.statement() != null) statements.add(event.statement().duration(), event.statement().text());
        if ((postgres || event.sqlState() != null) && event.level() != null && event.level().atLeast(LogLevel.ERROR)) {
            var state = event.sqlState() != null ? event.sqlState() : SqlStates.guess(message);
            databaseClasses.merge(SqlStates.className(state), 1L, Long::sum);
            var kind = SqlStates.kind(state, message);
            if (kind != null) databaseKinds.merge(kind, 1L, Long::sum);
            database.add(message, at, state != null ? state : event.severityWord(), message);
        }
    }

    @Override
    public void continuation(Path file, long line, String text, LogEvent record) {
        var at = record.at() != null ? record.at() : lastTime;
        if (inWindow(at) && memory(text)) memory.add(text.strip(), at, null, text.strip());
    }

    /**
     * A record below the error level, with a time and no memory words in its message, is only
     * counted; a continuation without memory words needs nothing: neither becomes text. The
     * same as {@link #event} and {@link #continuation} would do with them.
     */
    @Override
    public boolean skip(Path file, dev.tend.logs.format.LineHead head, CharSequence line) {
        if (MemoryWords.mayHold(line, head == null ? 0 : head.message)) return false;
        if (head == null) return true;
        if (head.at == null || head.level != null && head.level.atLeast(options.level())) return false;
        lastFile = file;
        lastTime = head.at;
        if (inWindow(head.at)) inWindow++;
        return true;
    }

    private boolean inWindow(Instant at) {
        return options.since() == null || at == null || !at.isBefore(options.since());
    }

    /**
     * Whether the line speaks of memory trouble. The pattern is tried only on lines holding one of
     * its key letters' runs: most lines hold none, and a case-blind alternation on every line was
     * most of an analysis's time.
     */
    private static boolean memory(String line) {
        return MemoryWords.mayHold(line, 0) && MEMORY.matcher(line).find();
    }

    @Override
    public void unmatched(Path file, long line, String text) {
        if (unmatched.size() < UNMATCHED_EXAMPLES) unmatched.add(new LogReport.Unmatched(file.toString(), line, text.length() > 300 ? text.substring(0, 300) + "…" : text));
        if (inWindow(lastTime) && memory(text)) memory.add(text, lastTime, null, text);
    }
}
