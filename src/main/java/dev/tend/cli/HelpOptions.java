package dev.tend.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives every command in the tree {@code -h/--help}, added once here rather than in each
 * annotation, so a command added later cannot forget it (CliHelpTest walks the tree to be sure).
 */
final class HelpOptions {
    private HelpOptions() {}

    static void addEverywhere(CommandLine command) {
        var spec = command.getCommandSpec();
        if (spec.findOption("--help") == null) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("show this help and exit").build());
        }
        command.getSubcommands().values().forEach(HelpOptions::addEverywhere);
    }
}
