package dev.tend.backup;

import dev.tend.check.Check;
import dev.tend.check.Failures;
import dev.tend.check.Status;
import dev.tend.check.Units;
import dev.tend.check.Verdict;
import java.time.Duration;

/**
 * The destination takes a write (a probe written, read back, deleted) and, where it has a notion
 * of free space, still fits the next backup: WARN below three times the newest one, CRIT below one.
 */
final class BackupDestinationCheck implements Check {
    private final Destination destination;

    BackupDestinationCheck(Destination destination) {
        this.destination = destination;
    }

    @Override
    public String name() {
        return "destination";
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        try {
            destination.probe();
        } catch (java.io.IOException | RuntimeException e) {
            return Verdict.builder().crit(destination.describe() + " does not take a write: " + Failures.describe(e));
        }
        var free = destination.freeBytes();
        if (free.isEmpty()) return Verdict.builder().ok(destination.describe() + " takes writes");
        var backups = destination.list();
        long newest = backups.isEmpty() ? 0 : backups.get(0).sizeBytes();
        var status = free.getAsLong() < newest ? Status.CRIT : free.getAsLong() < 3 * newest ? Status.WARN : Status.OK;
        var reason = destination.describe() + " takes writes; " + Units.bytes(free.getAsLong()) + " free"
                + (newest == 0 ? "" : ", the newest backup is " + Units.bytes(newest))
                + (status == Status.CRIT ? ": the next backup will not fit" : status == Status.WARN ? ": room for fewer than 3 more" : "");
        return Verdict.builder().measure("free", free.getAsLong(), "bytes").verdict(status, reason);
    }
}
