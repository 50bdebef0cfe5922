package dev.tend.backup;

import dev.tend.check.Check;
import dev.tend.check.Status;
import dev.tend.check.Units;
import dev.tend.check.Verdict;
import dev.tend.store.Database;
import java.time.Clock;
import java.time.Duration;

/** The last verification or drill: CRIT when it failed, graded by age when it passed. */
final class BackupVerificationCheck implements Check {
    private final BackupSettings backup;
    private final Database store;
    private final Clock clock;

    BackupVerificationCheck(BackupSettings backup, Database store, Clock clock) {
        this.backup = backup;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "verification";
    }

    @Override
    public Verdict run(Duration timeout) {
        var last = new Verifications(store).recent(backup.name(), 1);
        if (last.isEmpty()) return Verdict.builder().crit("never verified: run tend backup verify " + backup.name());
        var verification = last.get(0);
        var age = Duration.between(verification.startedAt(), clock.instant());
        var builder = Verdict.builder().measure("age", age.toSeconds(), "s").measure("restore", verification.restoreTime().toMillis(), "ms");
        if (!verification.passed()) {
            return builder.crit("the last " + verification.kind() + " (" + verification.backupId() + ", " + Units.age(age) + " ago) failed: "
                    + String.join("; ", verification.problems()));
        }
        var status = backup.verificationAge().grade(age.toSeconds());
        return builder.verdict(status, "last " + verification.kind() + " of " + verification.backupId() + " passed " + Units.age(age) + " ago"
                + (status == Status.OK ? "" : ", over the "
                        + Units.age(Duration.ofSeconds((long) backup.verificationAge().crossed(age.toSeconds()))) + " level"));
    }
}
