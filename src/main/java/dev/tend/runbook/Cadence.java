package dev.tend.runbook;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** How often a checklist comes round: each day, ISO week, month or quarter of the platform's time zone. */
public enum Cadence {
    DAILY, WEEKLY, MONTHLY, QUARTERLY;

    /** The period holding {@code at}. */
    public Period periodAt(Instant at, ZoneId zone) {
        var date = at.atZone(zone).toLocalDate();
        var start = switch (this) {
            case DAILY -> date;
            case WEEKLY -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> date.withDayOfMonth(1);
            case QUARTERLY -> date.withMonth((date.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1).withDayOfMonth(1);
        };
        var end = switch (this) {
            case DAILY -> start.plusDays(1);
            case WEEKLY -> start.plusWeeks(1);
            case MONTHLY -> start.plusMonths(1);
            case QUARTERLY -> start.plusMonths(3);
        };
        return new Period(start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant(), label(start));
    }

    /** The period before the one holding {@code at}. */
    public Period previous(Instant at, ZoneId zone) {
        return periodAt(periodAt(at, zone).start().minusSeconds(1), zone);
    }

    private String label(LocalDate start) {
        return switch (this) {
            case DAILY -> start.toString();
            case WEEKLY -> start.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTHLY -> start.toString().substring(0, 7);
            case QUARTERLY -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
        };
    }
}
