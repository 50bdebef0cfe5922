package dev.tend.cli;

import dev.tend.backup.Verification;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tend backup verify NAME}: checksums, a restore into a scratch database, comparison, queries. */
@Command(name = "verify", footerHeading = "%nExamples:%n", footer = {"  tend backup verify db", "  tend backup verify db --id ID"},
        description = "Check the checksums, restore into a scratch database, compare tables and rows with the manifest, "
        + "run the integrity queries; the scratch database is always dropped. Exit 1 when it fails.")
final class BackupVerifyCommand extends BackupSubcommand implements Callable<Integer> {

    @ArgGroup(exclusive = true)
    Which which = new Which();

    static final class Which {
        @Option(names = "--id", paramLabel = "ID", description = "this backup")
        String id;

        @Option(names = "--latest", description = "the newest backup (the default)")
        boolean latest;
    }

    BackupVerifyCommand(Main.Environment environment) {
        super(environment);
    }

    @Override
    public Integer call() throws Exception {
        return verifyAndPrint(Verification.VERIFY, Optional.ofNullable(which.id), Optional.empty(), false);
    }
}
