package dev.tend.logs.format;

import dev.tend.logs.LogEvent;
import java.time.ZoneId;

/**
 * PostgreSQL's csvlog: log_time, user, database, pid, ..., error_severity (12th), sql_state_code
 * (13th), message (14th), ...; a quoted field may span lines, so a record is read until its
 * quotes close.
 */
public final class PostgresCsvFormat implements LogFormat {
    private static final int SEVERITY = 11;
    private static final int STATE = 12;
    private static final int MESSAGE = 13;
    private final ZoneId zone;

    public PostgresCsvFormat(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String name() {
        return "postgres-csv";
    }

    @Override
    public LogEvent parse(long line, String record) {
        if (record.isEmpty() || !Character.isDigit(record.charAt(0))) return null;
        var fields = Csv.fields(record);
        if (fields.size() < 22) return null;
        var at = Timestamps.iso(fields.get(0), zone);
        if (at == null || !PostgresCsvFormat.severity(fields.get(SEVERITY))) return null;
        var state = fields.get(STATE).isEmpty() ? null : fields.get(STATE);
        return PostgresFormat.event(line, at, fields.get(SEVERITY), fields.get(MESSAGE), state);
    }

    static boolean severity(String word) {
        return word.matches("LOG|ERROR|FATAL|PANIC|WARNING|NOTICE|INFO|DEBUG[1-5]?");
    }

    @Override
    public boolean incomplete(String record) {
        return Csv.open(record);
    }

    @Override
    public boolean continues(String line) {
        return false;
    }
}
