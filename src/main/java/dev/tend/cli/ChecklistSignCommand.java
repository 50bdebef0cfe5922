package dev.tend.cli;

import dev.tend.runbook.ChecklistSigning;
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
        try (var store = Stores.open(config.store())) {
            var signed = new ChecklistSigning(config, store, environment.clock()).sign(name, itemId, as, comment);
            AuditSource.record(store, environment, signed.person(), "checklist.sign", name + "/" + signed.item().id() + " for " + signed.period().label()
                    + (comment == null || comment.isBlank() ? "" : ": " + comment));
            var out = spec.commandLine().getOut();
            out.println(signed.describe());
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
