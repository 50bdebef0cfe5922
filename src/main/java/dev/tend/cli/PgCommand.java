package dev.tend.cli;

import picocli.CommandLine.Command;

/** {@code tend pg ...}: PostgreSQL maintenance. */
@Command(name = "pg", footerHeading = "%nExamples:%n", footer = {"  tend pg report db"},
        description = "PostgreSQL maintenance: the health report.", subcommands = PgReportCommand.class)
final class PgCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
