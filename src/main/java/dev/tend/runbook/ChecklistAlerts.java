package dev.tend.runbook;

import dev.tend.alert.AlertService;
import dev.tend.alert.Severity;
import dev.tend.alert.Signal;
import dev.tend.config.TendConfig;
import dev.tend.schedule.WindowsSection;
import dev.tend.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;

/**
 * Checklist items gone overdue, as alerts ({@code checklist:NAME/ITEM}, a warning): the item was
 * not done in its last period (and not yet in this one). Doing it in this period (a sign-off, or
 * its evidence appearing) resolves the alert. tend serve looks once a minute; a sign-off looks at once.
 */
public final class ChecklistAlerts {
    private static final Duration EVERY = Duration.ofMinutes(1);
    private final TendConfig config;
    private final Database store;
    private final Clock clock;
    private Instant next = Instant.MIN;

    public ChecklistAlerts(TendConfig config, Database store, Clock clock) {
        this.config = config;
        this.store = store;
        this.clock = clock;
    }

    /** Looks again when a minute has passed since the last look; returns how many alerts moved. */
    public int evaluateDue() {
        var now = clock.instant();
        if (now.isBefore(next)) return 0;
        next = now.plus(EVERY);
        return evaluate();
    }

    /** Looks now: every overdue item fires, every other item's alert resolves. */
    public int evaluate() {
        var now = clock.instant();
        var alerting = new AlertService(config, store, clock, WindowsSection.calendar(config));
        var status = new ChecklistStatus(store, config.platform().timezone(), WindowsSection.calendar(config));
        int changes = 0;
        for (var checklist : ChecklistsSection.of(config)) {
            var overdue = new HashSet<String>();
            var states = status.at(checklist, now);
            // Done in this round: whoever answers for it is on it again, and the last round's miss is history.
            var doneNow = states.stream().filter(state -> state.state() == ItemState.State.DONE).map(state -> state.item().id()).toList();
            for (var state : states) {
                if (state.state() != ItemState.State.OVERDUE || doneNow.contains(state.item().id())) continue;
                overdue.add(state.item().id());
                changes += alerting.report(Signal.problem("checklist", checklist.name(), state.item().id(), Severity.WARNING,
                        state.item().text() + " (" + state.item().role() + "): " + state.how() + " — tend checklist sign " + checklist.name() + " "
                                + state.item().id() + " --as PERSON")).size();
            }
            for (var item : checklist.items()) {
                if (overdue.contains(item.id())) continue;
                changes += alerting.report(Signal.cleared("checklist", checklist.name(), item.id(), "done, or no longer due")).size();
            }
        }
        return changes;
    }
}
