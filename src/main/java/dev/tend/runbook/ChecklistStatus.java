package dev.tend.runbook;

import dev.tend.schedule.MaintenanceCalendar;
import dev.tend.window.WindowOccurrence;
import dev.tend.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Judges a checklist at a moment: each item of the current round is done (by evidence inside its
 * period or by a sign-off for that period from someone in its role) or open; each item of the
 * previous round left undone is overdue. Never ticked by default.
 */
public final class ChecklistStatus {
    private final Database store;
    private final ZoneId zone;
    private final MaintenanceCalendar calendar;

    public ChecklistStatus(Database store, ZoneId zone, MaintenanceCalendar calendar) {
        this.store = store;
        this.zone = zone;
        this.calendar = calendar;
    }

    /** The current round's items, then the previous round's undone ones as OVERDUE. */
    public List<ItemState> at(ChecklistSettings checklist, Instant at) {
        var states = new ArrayList<ItemState>();
        var signOffs = new SignOffs(store).recent(checklist.name(), 10_000);
        for (var item : checklist.items()) {
            var current = period(checklist, item, at, false);
            current.ifPresent(period -> states.add(judge(checklist, item, period, signOffs, false)));
        }
        for (var item : checklist.items()) {
            var previous = period(checklist, item, at, true);
            previous.map(period -> judge(checklist, item, period, signOffs, true))
                    .filter(state -> state.state() == ItemState.State.OVERDUE).ifPresent(states::add);
        }
        return states;
    }

    /**
     * The period an item is due in: its cadence's period holding {@code at} (or the one before), or,
     * before a window, [opening - 2 x before, opening) for the next opening (or the last one).
     */
    public Optional<Period> period(ChecklistSettings checklist, ChecklistItem item, Instant at, boolean previous) {
        if (checklist.cadence().isPresent()) {
            var cadence = checklist.cadence().get();
            return Optional.of(previous ? cadence.previous(at, zone) : cadence.periodAt(at, zone));
        }
        var window = checklist.window().orElseThrow();
        var before = item.before().orElse(Duration.ofHours(24));
        var opening = previous ? lastOpening(window, at) : nextOpening(window, at);
        return opening.map(occurrence -> new Period(occurrence.start().minus(before.multipliedBy(2)), occurrence.start(),
                "before " + window + " at " + occurrence.start()));
    }

    private ItemState judge(ChecklistSettings checklist, ChecklistItem item, Period period, List<SignOff> signOffs, boolean previous) {
        var evidence = item.evidence().flatMap(linked -> linked.findIn(store, period));
        if (evidence.isPresent()) return new ItemState(item, period, ItemState.State.DONE, "evidence: " + evidence.get());
        var signed = signOffs.stream().filter(signOff -> signOff.item().equals(item.id()) && signOff.periodStart().equals(period.start()))
                .max(Comparator.comparing(SignOff::signedAt));
        if (signed.isPresent()) {
            var signOff = signed.get();
            return new ItemState(item, period, ItemState.State.DONE, "signed by " + signOff.person() + " (" + signOff.role() + ") at "
                    + signOff.signedAt() + (signOff.comment().isBlank() ? "" : ": " + signOff.comment()));
        }
        var waitingFor = item.evidence().map(linked -> "waiting for " + linked.describe() + ", or the sign-off of someone in the role " + item.role())
                .orElse("needs the sign-off of someone in the role " + item.role());
        return new ItemState(item, period, previous ? ItemState.State.OVERDUE : ItemState.State.OPEN,
                (previous ? "not done in " + period.label() + "; " : "due by " + period.end() + "; ") + waitingFor);
    }

    /** The opening in progress at {@code at}, else the next one: during maintenance, its own pre-checks count. */
    private Optional<WindowOccurrence> nextOpening(String window, Instant at) {
        return calendar.windows().stream().filter(candidate -> candidate.name().equals(window)).findFirst()
                .flatMap(candidate -> candidate.between(at, at.plus(MaintenanceCalendar.HORIZON)).stream()
                        .filter(occurrence -> occurrence.end().isAfter(at)).findFirst());
    }

    private Optional<WindowOccurrence> lastOpening(String window, Instant at) {
        return calendar.windows().stream().filter(candidate -> candidate.name().equals(window)).findFirst()
                .flatMap(candidate -> candidate.between(at.minus(Duration.ofDays(400)), at).stream()
                        .filter(occurrence -> !occurrence.end().isAfter(at)).reduce((first, second) -> second));
    }
}
