package dev.tend.runbook;

import dev.tend.backup.Verifications;
import dev.tend.check.CheckResult;
import dev.tend.check.ResultHistory;
import dev.tend.schedule.ScheduleRun;
import dev.tend.schedule.ScheduleRuns;
import dev.tend.store.Database;
import dev.tend.task.TaskOutcome;
import dev.tend.task.TaskOutcomes;
import dev.tend.window.OpeningAnnouncements;
import java.util.Comparator;
import java.util.Optional;

/**
 * What can tick a checklist item without a person: a successful result recorded inside the item's
 * period. Each kind says what it found, so the tick explains itself.
 */
public sealed interface Evidence {

    /** A description of the successful evidence inside the period, if there is any. */
    Optional<String> findIn(Database store, Period period);

    String describe();

    /** Every check of a target (or one check) OK at its latest result inside the period. */
    record Check(String target, Optional<String> check) implements Evidence {
        @Override
        public Optional<String> findIn(Database store, Period period) {
            var names = check.map(java.util.List::of).orElseGet(() -> new ResultHistory(store).latest().stream()
                    .filter(result -> result.target().equals(target)).map(CheckResult::check).toList());
            if (names.isEmpty()) return Optional.empty();
            CheckResult newest = null;
            for (var name : names) {
                var latest = new ResultHistory(store).history(target, name, 500).stream().filter(result -> period.contains(result.startedAt())).findFirst();
                if (latest.isEmpty() || !latest.get().status().isOk()) return Optional.empty();
                if (newest == null || latest.get().startedAt().isAfter(newest.startedAt())) newest = latest.get();
            }
            return Optional.of(describe() + " OK at " + newest.startedAt());
        }

        @Override
        public String describe() {
            return "check " + target + check.map(name -> "/" + name).orElse("");
        }
    }

    /** A passed verification or drill of the backup. */
    record Backup(String backup) implements Evidence {
        @Override
        public Optional<String> findIn(Database store, Period period) {
            return new Verifications(store).recent(backup, 500).stream()
                    .filter(verification -> verification.passed() && period.contains(verification.startedAt()))
                    .findFirst().map(verification -> verification.kind() + " of backup " + backup + " " + verification.backupId()
                            + " passed at " + verification.startedAt());
        }

        @Override
        public String describe() {
            return "verified backup " + backup;
        }
    }

    /** A task (pg.vacuum, backup.create, ...) that succeeded on the target. */
    record Task(String task, String target) implements Evidence {
        @Override
        public Optional<String> findIn(Database store, Period period) {
            return new TaskOutcomes(store).recent(target, 500).stream()
                    .filter(outcome -> outcome.task().equals(task) && outcome.result() == TaskOutcome.Result.SUCCEEDED
                            && period.contains(outcome.startedAt()))
                    .max(Comparator.comparing(TaskOutcome::startedAt))
                    .map(outcome -> task + " on " + target + " (" + outcome.object() + ") succeeded at " + outcome.startedAt());
        }

        @Override
        public String describe() {
            return "task " + task + " on " + target;
        }
    }

    /** A successful run of a schedule. */
    record Schedule(String schedule) implements Evidence {
        @Override
        public Optional<String> findIn(Database store, Period period) {
            return new ScheduleRuns(store).recent(schedule, 500).stream()
                    .filter(run -> run.status() == ScheduleRun.Status.SUCCEEDED && period.contains(run.startedAt()))
                    .findFirst().map(run -> "schedule " + schedule + " (" + run.action() + ") succeeded at " + run.startedAt());
        }

        @Override
        public String describe() {
            return "schedule " + schedule;
        }
    }

    /** The status page announced the window's opening that the period leads up to (tend serve records it at the page's lead time). */
    record StatusPage(String window) implements Evidence {
        @Override
        public Optional<String> findIn(Database store, Period period) {
            return new OpeningAnnouncements(store).of(window, period.end())
                    .filter(announcement -> !announcement.announcedAt().isAfter(period.end()))
                    .map(announcement -> "the status page announced the maintenance of window " + window + " at " + announcement.announcedAt()
                            + ": " + announcement.text());
        }

        @Override
        public String describe() {
            return "the status page's announcement of window " + window;
        }
    }

    /** A report of the kind (capacity, performance, access, security) signed inside the period by its responsible role. */
    record Report(String kind) implements Evidence {
        @Override
        public Optional<String> findIn(Database store, Period period) {
            return new dev.tend.report.Reports(store).signedBetween(kind, null, period.start(), period.end())
                    .map(report -> kind + " report " + report.id() + " (" + report.period() + ") signed by " + report.signature().get().person()
                            + " (" + report.signature().get().role() + ") at " + report.signature().get().at());
        }

        @Override
        public String describe() {
            return "a signed " + kind + " report (tend report " + kind + ")";
        }
    }

    /** The secret was rotated inside the period: recorded by its owner, or its schedule succeeded. */
    record Rotation(String rotation, Optional<String> schedule) implements Evidence {
        @Override
        public Optional<String> findIn(Database store, Period period) {
            var recorded = new dev.tend.report.Reports(store).signedBetween(dev.tend.audit.Rotations.KIND, rotation, period.start(), period.end())
                    .map(report -> "rotation " + rotation + " recorded by " + report.signature().get().person() + " at " + report.signature().get().at()
                            + ": " + report.signature().get().comment());
            return recorded.or(() -> schedule.flatMap(name -> new Schedule(name).findIn(store, period)).map(found -> "rotation " + rotation + ": " + found));
        }

        @Override
        public String describe() {
            return "rotation " + rotation + " (tend access rotated " + rotation + ")";
        }
    }
}
