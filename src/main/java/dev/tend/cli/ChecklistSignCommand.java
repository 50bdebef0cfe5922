package dev.tend.cli;

import dev.tend.runbook.ChecklistAlerts;
import dev.tend.runbook.ChecklistSettings;
import dev.tend.runbook.ChecklistStatus;
import dev.tend.people.PeopleSection;
import dev.tend.runbook.SignOff;
import dev.tend.runbook.SignOffs;
import dev.tend.schedule.WindowsSection;
import dev.tend.store.Stores;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tend checklist sign NAME ITEM --as PERSON}: a person in the item's role signs it for the current period. */
@Command(name = "sign", footerHeading = "%nExamples:%n", footer = {"  tend checklist sign daily error-logs --as alice --comment \"no errors\""},
        description = "Sign an item for its current period, as a person who holds the item's role (people: in tend.yaml).")
final class ChecklistSignCommand implements Callable<Integer> {
    private final Main.Environment environment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "the checklist")
    String name;

    @Parameters(index = "1", paramLabel = "ITEM", description = "the item's id (see tend checklist show)")
    String itemId;

    @Option(names = "--as", required = true, paramLabel = "PERSON", description = "who signs (a name under people:)")
    String as;

    @Option(names = "--comment", paramLabel = "TEXT", defaultValue = "", description = "what was done or seen")
    String comment;

    ChecklistSignCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        var config = ((TendCommand) spec.parent().parent().userObject()).loadConfig();
        var checklist = ChecklistOutput.find(config, name, spec);
        var item = checklist.item(itemId).orElseThrow(() -> new ParameterException(spec.commandLine(), "no item '" + itemId + "' in "
                + name + "; items: " + String.join(", ", checklist.items().stream().map(dev.tend.runbook.ChecklistItem::id).toList())));
        var person = PeopleSection.named(config, as).orElseThrow(() -> new ParameterException(spec.commandLine(), "no person named '" + as
                + "' under people: in " + ((TendCommand) spec.parent().parent().userObject()).configPath()));
        if (!person.holds(item.role())) {
            throw new ParameterException(spec.commandLine(), as + " does not hold the role " + item.role() + " that answers for '" + item.text()
                    + "' (" + as + " holds: " + String.join(", ", person.roles()) + ")");
        }
        var now = environment.clock().instant();
        try (var store = Stores.open(config.store())) {
            var period = new ChecklistStatus(store, config.platform().timezone(), WindowsSection.calendar(config)).period(checklist, item, now, false)
                    .orElseThrow(() -> new ParameterException(spec.commandLine(), "no coming opening of window " + checklist.window().orElse("?")));
            if (now.isBefore(period.start())) {
                throw new ParameterException(spec.commandLine(), "'" + item.text() + "' is not due yet: it is done between " + period.start()
                        + " and " + period.end() + " (" + period.label() + ")");
            }
            new SignOffs(store).save(new SignOff(checklist.name(), item.id(), period.start(), period.label(), person.name(), item.role(), comment, now));
            AuditSource.record(store, environment, person.name(), "checklist.sign", name + "/" + item.id() + " for " + period.label()
                    + (comment == null || comment.isBlank() ? "" : ": " + comment));
            new ChecklistAlerts(config, store, environment.clock()).evaluate(); // an overdue alert of the item resolves now
            var out = spec.commandLine().getOut();
            out.println("signed " + name + "/" + item.id() + " (" + item.text() + ") for " + period.label() + " as " + person.name()
                    + " (" + item.role() + ")");
            out.flush();
            return 0;
        }
    }
}
