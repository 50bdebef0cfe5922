package dev.tend.cli;

import dev.tend.audit.AccessReviews;
import dev.tend.audit.Rotations;
import dev.tend.audit.RotationsSection;
import dev.tend.store.Stores;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tend access rotated NAME --as PERSON --comment TEXT}: the owner records a rotation. */
@Command(name = "rotated", footerHeading = "%nExamples:%n", footer = {"  tend access rotated api-keys --as dana --comment \"new keys in vault\""},
        description = "Record that a secret was rotated, as its owner (a person holding the owner role).")
final class AccessRotatedCommand implements Callable<Integer> {
    private final Main.Environment environment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "the rotation's name under rotations:")
    String name;

    @Option(names = "--as", required = true, paramLabel = "PERSON", description = "who rotated it (a name under people:)")
    String as;

    @Option(names = "--comment", required = true, paramLabel = "TEXT", description = "what was rotated and where the new secret lives")
    String comment;

    AccessRotatedCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        var config = AccessCommand.config(spec);
        var settings = RotationsSection.named(config, name).orElseThrow(() -> new ParameterException(spec.commandLine(), "no rotation named '" + name
                + "'; rotations: " + String.join(", ", RotationsSection.of(config).stream().map(rotation -> rotation.name()).toList())));
        try (var store = Stores.open(config.store())) {
            var state = new Rotations(config, store, environment.clock()).record(settings, as, comment);
            AuditSource.record(store, environment, as, "access.rotated", name + ": " + comment);
            var out = spec.commandLine().getOut();
            out.println(state.describe(environment.clock().instant()));
            out.flush();
            return 0;
        } catch (dev.tend.report.ReportSigning.Refused e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
