package dev.tend.alert.oncall;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * People on call in turn: each shift is one day or one week of the rotation's own calendar,
 * handing off at a local time, the first person's shift starting on {@code start}. Shifts are
 * counted in local days, so a daylight-saving change never moves the hand-off hour (that shift is
 * an hour shorter or longer). An override puts someone else on call for a whole local day.
 */
public record Rotation(String name, List<String> people, Shift shift, LocalTime handoff, ZoneId zone, LocalDate start, List<Override> overrides) {

    public enum Shift {
        DAILY(1), WEEKLY(7);

        final int days;

        Shift(int days) {
            this.days = days;
        }
    }

    /** {@code person} is on call for the whole local {@code date} (instead of whoever the turn says; {@code covers} documents whom). */
    public record Override(LocalDate date, String person, Optional<String> covers) {}

    /** One stretch of time with one person on call. */
    public record Turn(String person, Instant from, Instant until, boolean override) {}

    /** Who is on call at {@code at}, and until when. */
    public Turn at(Instant at) {
        var local = LocalDateTime.ofInstant(at, zone);
        var override = overrides.stream().filter(o -> o.date().equals(local.toLocalDate())).findFirst();
        if (override.isPresent()) {
            var day = local.toLocalDate();
            return new Turn(override.get().person(), day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant(), true);
        }
        var shiftDate = local.toLocalTime().isBefore(handoff) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
        long days = ChronoUnit.DAYS.between(start, shiftDate);
        long index = Math.floorDiv(days, shift.days);
        var shiftStart = start.plusDays(index * shift.days);
        var person = people.get((int) Math.floorMod(index, people.size()));
        var from = shiftStart.atTime(handoff).atZone(zone).toInstant();
        var until = shiftStart.plusDays(shift.days).atTime(handoff).atZone(zone).toInstant();
        // An override day inside this shift ends the stretch early.
        var nextOverride = overrides.stream().map(Override::date).filter(date -> date.isAfter(local.toLocalDate()))
                .map(date -> date.atStartOfDay(zone).toInstant()).filter(begin -> begin.isBefore(until)).min(Instant::compareTo);
        return new Turn(person, from, nextOverride.orElse(until), false);
    }

    /**
     * The turns from {@code at} on, the current one first: {@code count} of them. One person's
     * stretches next to each other (an override for the one already on call) are one turn.
     */
    public List<Turn> turns(Instant at, int count) {
        var turns = new ArrayList<Turn>();
        var cursor = at;
        while (turns.size() < count) {
            var turn = at(cursor);
            // After an override day the regular shift goes on: its turn starts where the override ended.
            var from = turns.isEmpty() ? turn.from() : cursor;
            var last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
            if (last != null && last.person().equals(turn.person())) {
                turns.set(turns.size() - 1, new Turn(last.person(), last.from(), turn.until(), last.override() && turn.override()));
            } else {
                turns.add(new Turn(turn.person(), from, turn.until(), turn.override()));
            }
            cursor = turn.until();
        }
        return turns;
    }
}
