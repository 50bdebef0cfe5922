package dev.tend.cli;

import dev.tend.audit.AccessReviews;
import dev.tend.store.Stores;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tend access sign NAME --as PERSON --comment TEXT}: the signer role approves the newest review. */
@Command(name = "sign", footerHeading = "%nExamples:%n", footer = {"  tend access sign db-roles --as dana --comment \"old_report disabled\""},
        description = "Sign the newest review of NAME as a person holding its signer role (Security Team unless set).")
final class AccessSignCommand implements Callable<Integer> {
    private final Main.Environment environment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "the review's name under accessReviews:")
    String name;

    @Option(names = "--as", required = true, paramLabel = "PERSON", description = "who signs (a name under people:)")
    String as;

    @Option(names = "--comment", required = true, paramLabel = "TEXT", description = "the decision: what was removed, what stays and why")
    String comment;

    AccessSignCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        var config = AccessCommand.config(spec);
        var settings = AccessCommand.review(spec, config, name);
        try (var store = Stores.open(config.store())) {
            var signed = new AccessReviews(config, store, environment.clock()).sign(settings, as, comment);
            AuditSource.record(store, environment, as, "access.sign", name + " review " + signed.id() + ": " + comment);
            var out = spec.commandLine().getOut();
            out.println("access review " + name + " (review " + signed.id() + " of " + signed.createdAt() + ") signed by " + as + " ("
                    + settings.signer() + "): " + comment);
            out.flush();
            return 0;
        } catch (dev.tend.report.ReportSigning.Refused e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
