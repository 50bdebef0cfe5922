package dev.tend.cli;

import picocli.CommandLine.Command;

/** {@code tend backup ...}: verified backups. */
@Command(name = "backup", footerHeading = "%nExamples:%n", footer = {"  tend backup create db", "  tend backup verify db"},
        description = "Backups: create, list, verify (restore and compare), prune, drill, restore.",
        subcommands = {BackupCreateCommand.class, BackupListCommand.class, BackupVerifyCommand.class, BackupPruneCommand.class,
                BackupDrillCommand.class, BackupRestoreCommand.class})
final class BackupCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
