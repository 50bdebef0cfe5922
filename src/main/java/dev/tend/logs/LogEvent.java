package dev.tend.logs;

import java.time.Duration;
import java.time.Instant;

/**
 * One line (or one multi-line record) as its format understood it. Optional parts are null when
 * the format does not carry them: an access log has a request, PostgreSQL a SQLSTATE or a
 * statement's duration, a plain line perhaps only a level.
 *
 * @param line the number of the record's first line in its file, from 1
 * @param severityWord the format's own word for the level (PANIC, FATAL, LOG...), for reports
 */
public record LogEvent(long line, Instant at, LogLevel level, String severityWord, String message, Request request, String sqlState,
        Statement statement) {

    /** An HTTP request from an access log. */
    public record Request(String method, String path, int status, Duration duration) {}

    /** A statement PostgreSQL logged with its duration ({@code log_min_duration_statement}). */
    public record Statement(Duration duration, String text) {}

    public static LogEvent of(long line, Instant at, LogLevel level, String severityWord, String message) {
        return new LogEvent(line, at, level, severityWord, message, null, null, null);
    }

    /** The record with a continuation line: a statement's next line joins its text; a stack trace adds nothing to the message. */
    public LogEvent continued(String more) {
        if (statement == null) return this;
        return new LogEvent(line, at, level, severityWord, message, request, sqlState, new Statement(statement.duration(), statement.text() + " " + more.strip()));
    }

    public LogEvent withSqlState(String state) {
        return new LogEvent(line, at, level, severityWord, message, request, state, statement);
    }
}
