package dev.tend.cli;

import dev.tend.runbook.ChecklistStatus;
import dev.tend.runbook.ItemState;
import dev.tend.schedule.WindowsSection;
import dev.tend.store.Stores;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tend checklist show NAME}: each item, done (by what or whom), open, or overdue. */
@Command(name = "show", footerHeading = "%nExamples:%n", footer = {"  tend checklist show daily", "  tend checklist show weekly --json"},
        description = "Each item of a checklist: done (by which evidence or whose sign-off), open, or overdue; exit 1 when any is overdue.")
final class ChecklistShowCommand implements Callable<Integer> {
    private final Main.Environment environment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "the checklist")
    String name;

    @Option(names = "--at", paramLabel = "ISO-INSTANT", description = "judge it as at this instant (default: now)")
    String at;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    ChecklistShowCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        var config = ((TendCommand) spec.parent().parent().userObject()).loadConfig();
        var checklist = ChecklistOutput.find(config, name, spec);
        var when = StartInstant.parse(at, environment.clock(), spec);
        try (var store = Stores.open(config.store())) {
            var states = new ChecklistStatus(store, config.platform().timezone(), WindowsSection.calendar(config)).at(checklist, when);
            ChecklistOutput.show(checklist, states, json, spec.commandLine().getOut());
            return ChecklistOutput.count(states, ItemState.State.OVERDUE) > 0 ? 1 : 0;
        }
    }
}
