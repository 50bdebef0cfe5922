package dev.tend.cli;

import dev.tend.report.ReportKind;
import dev.tend.report.ReportSigning;
import dev.tend.store.Stores;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tend report sign KIND --as PERSON --comment TEXT}: the responsible role signs the newest report of the kind. */
@Command(name = "sign", footerHeading = "%nExamples:%n", footer = {"  tend report sign capacity --as sam --comment \"expand /data by March\""},
        description = "Sign the newest report of KIND (capacity and performance: System Administrator; access and security: Security Team).")
final class ReportSignCommand implements Callable<Integer> {
    private final Main.Environment environment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "capacity, performance, access or security")
    String kindName;

    @Option(names = "--as", required = true, paramLabel = "PERSON", description = "who signs (a name under people:)")
    String as;

    @Option(names = "--comment", required = true, paramLabel = "TEXT", description = "the decision or what was reviewed")
    String comment;

    ReportSignCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        var kind = ReportKind.named(kindName).orElseThrow(() -> new ParameterException(spec.commandLine(), "no report kind '" + kindName
                + "'; kinds: capacity, performance, access, security"));
        var config = ((TendCommand) spec.parent().parent().userObject()).loadConfig();
        try (var store = Stores.open(config.store())) {
            var signed = new ReportSigning(config, store, environment.clock()).sign(kind, as, comment);
            AuditSource.record(store, environment, as, "report.sign", kind.id() + " report " + signed.id() + " (" + signed.period() + "): " + comment);
            var out = spec.commandLine().getOut();
            out.println(kind.id() + " report " + signed.id() + " (" + signed.period() + ") signed by " + as + " (" + kind.signer() + "): " + comment);
            out.flush();
            return 0;
        } catch (ReportSigning.Refused e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
