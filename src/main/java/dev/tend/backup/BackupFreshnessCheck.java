package dev.tend.backup;

import dev.tend.check.Check;
import dev.tend.check.Status;
import dev.tend.check.Units;
import dev.tend.check.Verdict;
import java.time.Clock;
import java.time.Duration;

/** The age of the newest complete backup against the freshness levels: "daily backups happen". */
final class BackupFreshnessCheck implements Check {
    private final BackupSettings backup;
    private final Destination destination;
    private final Clock clock;

    BackupFreshnessCheck(BackupSettings backup, Destination destination, Clock clock) {
        this.backup = backup;
        this.destination = destination;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "freshness";
    }

    @Override
    public Verdict run(Duration timeout) {
        var backups = destination.list();
        if (backups.isEmpty()) return Verdict.builder().crit("no complete backup in " + destination.describe());
        var newest = backups.get(0);
        var age = Duration.between(newest.finishedAt(), clock.instant());
        var status = backup.freshness().grade(age.toSeconds());
        var reason = "newest backup " + newest.id() + " is " + Units.age(age) + " old (" + backups.size() + " kept)"
                + (status == Status.OK ? "" : ", over the " + Units.age(Duration.ofSeconds((long) backup.freshness().crossed(age.toSeconds()))) + " level");
        return Verdict.builder()
                .measure("age", age.toSeconds(), "s")
                .measure("backups", backups.size(), "backups")
                .measure("size", newest.sizeBytes(), "bytes")
                .verdict(status, reason);
    }
}
