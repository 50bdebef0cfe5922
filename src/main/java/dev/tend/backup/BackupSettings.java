package dev.tend.backup;

import dev.tend.check.Thresholds;
import dev.tend.postgres.PostgresTarget;
import dev.tend.target.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code backups:}: what to back up (a postgres or redis target), where to, how, how
 * long to keep it, how to prove it restores, and how old the newest backup and the last
 * verification may grow (levels in seconds) before the backup checks warn.
 */
public record BackupSettings(
        String name,
        Target target,
        BackupLocation location,
        DumpFormat format,
        int jobs,
        boolean exactRowCounts,
        RetentionPolicy retention,
        List<String> verifyQueries,
        Optional<PostgresTarget> verifyOn,
        Duration timeout,
        Optional<Path> binDirectory,
        Thresholds freshness,
        Thresholds verificationAge) {

    /** pg_dump's output formats Tend writes; both restore with stock pg_restore. */
    public enum DumpFormat {
        CUSTOM, DIRECTORY;

        public String option() {
            return this == CUSTOM ? "c" : "d";
        }
    }

    /** The server scratch and drill databases are restored onto: the verify target, else the source. */
    public PostgresTarget restoreServer() {
        return verifyOn.orElseGet(() -> (PostgresTarget) target);
    }
}
