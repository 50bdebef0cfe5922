package dev.tend.logs;

import dev.tend.logs.analyze.LogAnalyzer;
import dev.tend.logs.analyze.LogReport;
import dev.tend.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * One check round's read of a source, shared by its checks: what the files gained since the last
 * round (read by {@link FollowedRead}), analyzed, its error templates remembered for the next
 * round's "new". The first round only marks where reading starts.
 */
public final class LogWatch implements AutoCloseable {
    private final LogReport report;
    private final Duration since;
    private final boolean first;
    private final int files;

    private LogWatch(LogReport report, Duration since, boolean first, int files) {
        this.report = report;
        this.since = since;
        this.first = first;
        this.files = files;
    }

    public static LogWatch read(LogSourceSettings source, Database store, ZoneId zone, Instant now) throws Exception {
        if (source.container().isPresent()) return readContainer(source, store, zone, now);
        var cursors = new LogCursors(store);
        var lastRead = cursors.of(source.name()).values().stream().map(LogCursors.Cursor::readAt).max(Instant::compareTo);
        try (var opened = LogSources.open(source, zone, null)) {
            var analyzer = LogAnalyzer.start(new LogAnalyzer.Options(null, source.level(), source.slowRequest()), opened.format());
            var outcome = FollowedRead.read(source.name(), source.files(), opened.format(), analyzer, cursors, now);
            var patterns = new LogPatterns(store);
            var report = analyzer.report(source.name(), outcome.inputs(), patterns.isNew(source.name()), now);
            patterns.remember(source.name(), report.errors().stream().map(LogReport.Pattern::template).toList(), now);
            return new LogWatch(report, lastRead.map(at -> Duration.between(at, now)).orElse(Duration.ZERO), outcome.first(), outcome.files());
        }
    }

    /**
     * A container's logs since the last round: fetched from the engine from the second of the last
     * line read, and of those only lines stamped after it (Docker's nanosecond time), so none counts
     * twice. The cursor keeps that time as nanoseconds since the epoch.
     */
    private static LogWatch readContainer(LogSourceSettings source, Database store, ZoneId zone, Instant now) throws Exception {
        var cursors = new LogCursors(store);
        var key = "container:" + source.container().get().name();
        var cursor = cursors.of(source.name()).get(key);
        if (cursor == null) {
            cursors.save(source.name(), List.of(new LogCursors.Cursor(key, source.describe(), nanos(now), now)));
            return new LogWatch(null, Duration.ZERO, true, 1);
        }
        var after = Instant.ofEpochSecond(0, cursor.offset());
        try (var opened = LogSources.open(source, zone, Instant.ofEpochSecond(after.getEpochSecond()), after)) {
            var patterns = new LogPatterns(store);
            var report = LogAnalyzer.analyze(source.name(), opened.files(), opened.format(), new LogAnalyzer.Options(null, source.level(), source.slowRequest()),
                    patterns.isNew(source.name()), now);
            patterns.remember(source.name(), report.errors().stream().map(LogReport.Pattern::template).toList(), now);
            long next = opened.latest() != null ? nanos(opened.latest()) : cursor.offset();
            cursors.save(source.name(), List.of(new LogCursors.Cursor(key, source.describe(), next, now)));
            return new LogWatch(report, Duration.between(cursor.readAt(), now), false, 1);
        }
    }

    private static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    public LogReport report() {
        return report;
    }

    /** How long the read covers: since the last round. */
    public Duration since() {
        return since;
    }

    /** The first round: reading starts at the files' end, nothing was counted. */
    public boolean first() {
        return first;
    }

    public int files() {
        return files;
    }

    @Override
    public void close() {
        // nothing held: the report is a value
    }
}
