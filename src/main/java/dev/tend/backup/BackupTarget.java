package dev.tend.backup;

import dev.tend.check.Check;
import dev.tend.check.CheckContext;
import dev.tend.store.Database;
import dev.tend.target.Target;
import dev.tend.target.TargetSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A backup seen as something to watch: {@code tend check} probes it as target {@code backup:NAME}
 * — how old the newest backup is, when it was last verified and with what result, whether the
 * destination takes a write, and whether the next backup still fits.
 */
public record BackupTarget(TargetSettings settings, BackupSettings backup, Database store) implements Target {

    public static BackupTarget of(BackupSettings backup, Database store) {
        return new BackupTarget(new TargetSettings("backup:" + backup.name(), "backup", "backups of " + backup.target().name(),
                Duration.ofSeconds(30), 2, List.of()), backup, store);
    }

    @Override
    public List<Check> checks(CheckContext context) {
        var destination = Destinations.open(backup);
        var checks = new ArrayList<Check>();
        checks.add(new BackupFreshnessCheck(backup, destination, context.clock()));
        checks.add(new BackupVerificationCheck(backup, store, context.clock()));
        checks.add(new BackupDestinationCheck(destination));
        return checks;
    }
}
