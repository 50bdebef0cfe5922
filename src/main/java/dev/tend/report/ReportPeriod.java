package dev.tend.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a report covers: 2027Q1, 2027-W05 (ISO week), 2027-01; from inclusive, to exclusive, in UTC. */
public record ReportPeriod(String label, LocalDate from, LocalDate to) {
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    public enum Unit { WEEK, MONTH, QUARTER }

    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant end() {
        return to.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The period of this unit holding the day. */
    public static ReportPeriod containing(LocalDate day, Unit unit) {
        return switch (unit) {
            case WEEK -> {
                var monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new ReportPeriod(String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                        monday, monday.plusWeeks(1));
            }
            case MONTH -> new ReportPeriod(String.format("%d-%02d", day.getYear(), day.getMonthValue()), day.withDayOfMonth(1), day.withDayOfMonth(1).plusMonths(1));
            case QUARTER -> {
                int quarter = (day.getMonthValue() - 1) / 3 + 1;
                var first = LocalDate.of(day.getYear(), (quarter - 1) * 3 + 1, 1);
                yield new ReportPeriod(day.getYear() + "Q" + quarter, first, first.plusMonths(3));
            }
        };
    }

    /** Reads 2027Q1, 2027-W05 or 2027-01; empty when the text is none of them. */
    public static Optional<ReportPeriod> parse(String text) {
        try {
            var quarter = QUARTER.matcher(text);
            if (quarter.matches()) return Optional.of(containing(LocalDate.of(Integer.parseInt(quarter.group(1)), (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1, 1), Unit.QUARTER));
            var week = WEEK.matcher(text);
            if (week.matches()) {
                var day = LocalDate.of(Integer.parseInt(week.group(1)), 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(week.group(2)));
                var period = containing(day, Unit.WEEK);
                return period.label().equals(text) ? Optional.of(period) : Optional.empty();
            }
            var month = MONTH.matcher(text);
            if (month.matches()) return Optional.of(containing(LocalDate.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)), 1), Unit.MONTH));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
