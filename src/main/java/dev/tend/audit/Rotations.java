package dev.tend.audit;

import dev.tend.config.TendConfig;
import dev.tend.people.PeopleSection;
import dev.tend.report.Reports;
import dev.tend.report.StoredReport;
import dev.tend.schedule.ScheduleRun;
import dev.tend.schedule.ScheduleRuns;
import dev.tend.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Where each rotation stands: rotated last when (a recorded rotation, or the successful run of its
 * schedule), due when, overdue or not. A rotation is recorded by its owner with a comment and
 * kept like a signed report.
 */
public final class Rotations {
    /** Recorded rotations are kept as reports of this kind, named after the rotation. */
    public static final String KIND = "rotation";
    private final TendConfig config;
    private final Database store;
    private final Clock clock;

    public Rotations(TendConfig config, Database store, Clock clock) {
        this.config = config;
        this.store = store;
        this.clock = clock;
    }

    /** One rotation's state; {@code last} empty when it was never rotated as far as Tend knows. */
    public record State(RotationSettings settings, Optional<Instant> last, Optional<String> evidence, Instant due, boolean overdue) {
        public long age(Instant now) {
            return last.map(at -> Duration.between(at, now).toDays()).orElse(-1L);
        }

        public String describe(Instant now) {
            return settings.name() + ": " + state(now);
        }

        /** When it was rotated and when it is due, without its name. */
        public String state(Instant now) {
            var when = last.map(at -> "rotated " + LocalDate.ofInstant(at, ZoneOffset.UTC) + " (" + age(now) + " days ago, " + evidence.orElse("") + ")")
                    .orElse("never recorded as rotated");
            return when + "; " + (overdue ? "OVERDUE since " : "due ") + LocalDate.ofInstant(due, ZoneOffset.UTC)
                    + " (every " + settings.every().toDays() + " days, owner " + settings.owner() + ")";
        }
    }

    private record Done(Instant at, String how) {}

    public List<State> states() {
        var now = clock.instant();
        return RotationsSection.of(config).stream().map(settings -> state(settings, now)).toList();
    }

    private State state(RotationSettings settings, Instant now) {
        var recorded = new Reports(store).recent(KIND, settings.name(), 1).stream().findFirst()
                .map(report -> new Done(report.createdAt(), "recorded by " + report.signature().map(StoredReport.Signature::person).orElse("?")
                        + ": " + report.signature().map(StoredReport.Signature::comment).orElse("")));
        var scheduled = settings.schedule().flatMap(schedule -> new ScheduleRuns(store).recent(schedule, 200).stream()
                .filter(run -> run.status() == ScheduleRun.Status.SUCCEEDED).findFirst()
                .map(run -> new Done(run.startedAt(), "schedule " + schedule + " succeeded")));
        var latest = java.util.stream.Stream.of(recorded, scheduled).flatMap(Optional::stream).max(java.util.Comparator.comparing(Done::at));
        // Never rotated as far as Tend knows: due now, so it is listed until someone records it.
        var due = latest.map(done -> done.at().plus(settings.every())).orElse(now);
        return new State(settings, latest.map(Done::at), latest.map(Done::how), due, !due.isAfter(now));
    }

    /** The owner (a person holding the owner role, or the owner by name) records that the secret was rotated. */
    public State record(RotationSettings settings, String person, String comment) throws dev.tend.report.ReportSigning.Refused {
        var who = PeopleSection.named(config, person).orElseThrow(() -> new dev.tend.report.ReportSigning.Refused("no person named '" + person + "' in people:"));
        if (!who.holds(settings.owner()) && !who.name().equals(settings.owner())) {
            throw new dev.tend.report.ReportSigning.Refused(person + " is not the owner of rotation " + settings.name() + " (" + settings.owner() + ")");
        }
        var now = clock.instant();
        var reports = new Reports(store);
        long id = reports.save(KIND, settings.name(), LocalDate.ofInstant(now, ZoneOffset.UTC).toString(), now,
                "Rotation " + settings.name() + " recorded by " + person + ": " + comment + "\n", "{}");
        reports.sign(id, new StoredReport.Signature(person, settings.owner(), comment, now));
        return state(settings, now);
    }
}
