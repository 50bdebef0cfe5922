package dev.tend.cli;

import dev.tend.window.WindowOccurrence;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Window openings as tend windows and tend plan print them: a table, or JSON rows. */
final class WindowTable {
    private WindowTable() {}

    static void print(List<WindowOccurrence> openings, PrintWriter out) {
        out.printf("%-16s %-22s %-22s %s%n", "WINDOW", "START (UTC)", "END (UTC)", "KIND");
        openings.forEach(occurrence -> out.printf("%-16s %-22s %-22s %s%n", occurrence.window(), occurrence.start(), occurrence.end(),
                occurrence.emergency() ? "emergency" : "scheduled"));
    }

    static Map<String, Object> row(WindowOccurrence occurrence) {
        var row = new LinkedHashMap<String, Object>();
        row.put("name", occurrence.window());
        row.put("start", occurrence.start().toString());
        row.put("end", occurrence.end().toString());
        row.put("emergency", occurrence.emergency());
        return row;
    }
}
