package dev.tend.cli;

import picocli.CommandLine.Command;

/** {@code tend checklist ...}: the runbooks' checklists, ticked by evidence or signed by people. */
@Command(name = "checklist", footerHeading = "%nExamples:%n", footer = {"  tend checklist list", "  tend checklist show daily"},
        description = "Checklists: list them, show one (done, open, overdue), sign an item.",
        subcommands = {ChecklistListCommand.class, ChecklistShowCommand.class, ChecklistSignCommand.class})
final class ChecklistCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
