package dev.tend.runbook;

import dev.tend.config.TendConfig;
import dev.tend.people.PeopleSection;
import dev.tend.schedule.WindowsSection;
import dev.tend.store.Database;
import java.time.Clock;

/**
 * A person in an item's role signs it for its current period: what {@code tend checklist sign}
 * and the UI's sign button both call, refusing the same things in the same words.
 */
public final class ChecklistSigning {
    private final TendConfig config;
    private final Database store;
    private final Clock clock;

    public ChecklistSigning(TendConfig config, Database store, Clock clock) {
        this.config = config;
        this.store = store;
        this.clock = clock;
    }

    /** What was signed, for the person and the audit log. */
    public record Signed(ChecklistSettings checklist, ChecklistItem item, Period period, String person) {
        public String describe() {
            return "signed " + checklist.name() + "/" + item.id() + " (" + item.text() + ") for " + period.label() + " as " + person + " (" + item.role() + ")";
        }
    }

    /** @throws IllegalArgumentException naming what is wrong: no such checklist, item or person, the wrong role, not due yet */
    public Signed sign(String name, String itemId, String personName, String comment) {
        var checklist = ChecklistsSection.named(config, name).orElseThrow(() -> new IllegalArgumentException("no checklist named '" + name
                + "'; checklists: " + String.join(", ", ChecklistsSection.of(config).stream().map(ChecklistSettings::name).toList())));
        var item = checklist.item(itemId).orElseThrow(() -> new IllegalArgumentException("no item '" + itemId + "' in " + name + "; items: "
                + String.join(", ", checklist.items().stream().map(ChecklistItem::id).toList())));
        var person = PeopleSection.named(config, personName).orElseThrow(() -> new IllegalArgumentException("no person named '" + personName + "' under people:"));
        if (!person.holds(item.role())) {
            throw new IllegalArgumentException(personName + " does not hold the role " + item.role() + " that answers for '" + item.text()
                    + "' (" + personName + " holds: " + String.join(", ", person.roles()) + ")");
        }
        var now = clock.instant();
        var period = new ChecklistStatus(store, config.platform().timezone(), WindowsSection.calendar(config)).period(checklist, item, now, false)
                .orElseThrow(() -> new IllegalArgumentException("no coming opening of window " + checklist.window().orElse("?")));
        if (now.isBefore(period.start())) {
            throw new IllegalArgumentException("'" + item.text() + "' is not due yet: it is done between " + period.start() + " and " + period.end()
                    + " (" + period.label() + ")");
        }
        new SignOffs(store).save(new SignOff(checklist.name(), item.id(), period.start(), period.label(), person.name(), item.role(),
                comment == null ? "" : comment, now));
        new ChecklistAlerts(config, store, clock).evaluate(); // an overdue alert of the item resolves now
        return new Signed(checklist, item, period, person.name());
    }
}
