package dev.tend.cli;

import dev.tend.runbook.ChecklistStatus;
import dev.tend.runbook.ChecklistsSection;
import dev.tend.runbook.ItemState;
import dev.tend.schedule.WindowsSection;
import dev.tend.store.Stores;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code tend checklist list}: every checklist with its done, open and overdue counts now. Exit 1 when anything is overdue. */
@Command(name = "list", footerHeading = "%nExamples:%n", footer = {"  tend checklist list"},
        description = "Every checklist with how many items are done, open and overdue now; exit 1 when any is overdue.")
final class ChecklistListCommand implements Callable<Integer> {
    private final Main.Environment environment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    ChecklistListCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        var config = ((TendCommand) spec.parent().parent().userObject()).loadConfig();
        var out = spec.commandLine().getOut();
        long overdue = 0;
        try (var store = Stores.open(config.store())) {
            var status = new ChecklistStatus(store, config.platform().timezone(), WindowsSection.calendar(config));
            if (ChecklistsSection.of(config).isEmpty()) out.println("no checklists configured (add checklists: to tend.yaml, e.g. {name: daily, template: daily})");
            for (var checklist : ChecklistsSection.of(config)) {
                var states = status.at(checklist, environment.clock().instant());
                overdue += ChecklistOutput.count(states, ItemState.State.OVERDUE);
                out.printf("%-18s %-28s %d done, %d open, %d overdue%n", checklist.name(), checklist.title(),
                        ChecklistOutput.count(states, ItemState.State.DONE), ChecklistOutput.count(states, ItemState.State.OPEN),
                        ChecklistOutput.count(states, ItemState.State.OVERDUE));
            }
        }
        out.flush();
        return overdue > 0 ? 1 : 0;
    }
}
