package dev.tend.cli;

import dev.tend.backup.Verification;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tend backup drill NAME}: the quarterly recovery test, with the measured time to restore. */
@Command(name = "drill", footerHeading = "%nExamples:%n", footer = {"  tend backup drill db", "  tend backup drill db --into drill_copy --keep"},
        description = "Restore drill: restore the newest backup into a named scratch database, run the verification, "
        + "report the time to restore. The copy is dropped unless --keep.")
final class BackupDrillCommand extends BackupSubcommand implements Callable<Integer> {

    @Option(names = "--into", paramLabel = "DATABASE", description = "the scratch database (default tend_drill_NAME); must not be in use")
    String into;

    @Option(names = "--keep", description = "keep the restored copy for inspection (drop it yourself)")
    boolean keep;

    BackupDrillCommand(Main.Environment environment) {
        super(environment);
    }

    @Override
    public Integer call() throws Exception {
        return verifyAndPrint(Verification.DRILL, Optional.empty(), Optional.ofNullable(into), keep);
    }
}
