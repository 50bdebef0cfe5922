package dev.tend.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tend help [COMMAND...]}: the same usage {@code --help} prints, for any depth of the tree, as git and kubectl offer. */
@Command(name = "help", helpCommand = true, description = "Show the help of a command, e.g. tend help backup create.",
        footerHeading = "%nExamples:%n", footer = {"  tend help check", "  tend help backup verify"})
final class HelpCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "the command (and subcommand) to explain")
    List<String> path = new ArrayList<>();

    @Override
    public Integer call() {
        var shown = spec.parent().commandLine();
        var walked = new ArrayList<String>(List.of(shown.getCommandName()));
        for (var name : path) {
            var next = shown.getSubcommands().get(name);
            if (next == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "'" + String.join(" ", walked) + "' has no command '" + name + "'"
                        + (shown.getSubcommands().isEmpty() ? "" : "; commands: " + String.join(", ", shown.getSubcommands().keySet())));
            }
            shown = next;
            walked.add(name);
        }
        shown.usage(spec.commandLine().getOut());
        return 0;
    }
}
