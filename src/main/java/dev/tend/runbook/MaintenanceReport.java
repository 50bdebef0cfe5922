package dev.tend.runbook;

import dev.tend.config.TendConfig;
import dev.tend.runbook.MaintenanceEvent.Kind;
import dev.tend.action.Action;
import dev.tend.schedule.WindowsSection;
import dev.tend.task.Impact;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The two texts the runbook has people write after maintenance, written from the run's timeline:
 * the maintenance log entry (date, duration, type, activities completed, issues encountered,
 * downtime, next maintenance) and the completion notice.
 */
final class MaintenanceReport {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private MaintenanceReport() {}

    record Texts(String logEntry, String notice) {}

    static Texts write(Runbook runbook, MaintenanceRun run, List<MaintenanceEvent> events, Instant end, TendConfig config) {
        var zone = config.platform().timezone();
        var activities = events.stream().filter(event -> event.kind() == Kind.STEP_SUCCEEDED)
                .map(event -> "- " + event.step() + ": " + event.detail()).toList();
        var issues = events.stream().filter(event -> event.kind() == Kind.STEP_FAILED || event.kind() == Kind.STEP_SKIPPED)
                .map(event -> "- " + event.step() + ": " + event.detail()).toList();
        var downtime = downtime(runbook, events);
        var next = WindowsSection.calendar(config).occurrences(end, end.plus(Duration.ofDays(400))).stream()
                .filter(occurrence -> runbook.window().map(occurrence.window()::equals).orElse(true))
                .filter(occurrence -> occurrence.start().isAfter(end)).findFirst()
                .map(occurrence -> format(occurrence.start(), zone, DATE_TIME) + " " + zone.getId()).orElse("none scheduled");
        var log = String.join("\n",
                "# Maintenance Log Entry",
                "",
                "Date: " + format(run.startedAt(), zone, DATE_TIME) + " " + zone.getId(),
                "Duration: " + hours(Duration.between(run.startedAt(), end)),
                "Type: " + runbook.title() + " (" + runbook.name() + "), " + run.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                "",
                "Activities Completed:",
                activities.isEmpty() ? "- None" : String.join("\n", activities),
                "",
                "Issues Encountered:",
                issues.isEmpty() ? "- None" : String.join("\n", issues),
                "",
                "Downtime: " + downtime,
                "",
                "Next Maintenance: " + next) + "\n";
        var headline = switch (run.state()) {
            case COMPLETED -> "MAINTENANCE COMPLETE";
            case ROLLED_BACK -> "MAINTENANCE ROLLED BACK";
            default -> "MAINTENANCE FAILED";
        };
        var closing = run.state() == MaintenanceRun.State.COMPLETED && issues.isEmpty() ? "All services are now fully operational."
                : "Some work did not complete; see the issues in the maintenance log.";
        var notice = String.join("\n",
                headline,
                "",
                "Maintenance Window: " + format(run.startedAt(), zone, DATE_TIME) + "-" + format(end, zone, TIME) + " " + zone.getId(),
                "Services Affected: " + affected(runbook),
                "Downtime: " + downtime,
                "",
                "Changes Made:",
                activities.isEmpty() ? "- None" : String.join("\n", activities),
                "",
                closing,
                "",
                "Next scheduled maintenance: " + next) + "\n";
        return new Texts(log, notice);
    }

    /** Time spent in disruptive steps: the part of the window users may have noticed. */
    private static String downtime(Runbook runbook, List<MaintenanceEvent> events) {
        var disruptive = new LinkedHashSet<String>();
        runbook.steps().stream().filter(step -> step instanceof Step.Run run && run.action().impact() == Impact.DISRUPTIVE)
                .forEach(step -> disruptive.add(step.name()));
        var total = Duration.ZERO;
        for (int index = 0; index < events.size(); index++) {
            var event = events.get(index);
            if (event.kind() != Kind.STEP_STARTED || !disruptive.contains(event.step())) continue;
            for (int later = index + 1; later < events.size(); later++) {
                var end = events.get(later);
                if (end.step().equals(event.step()) && end.kind() != Kind.STEP_STARTED) {
                    total = total.plus(Duration.between(event.at(), end.at()));
                    break;
                }
            }
        }
        return disruptive.isEmpty() || total.isZero() ? "none (no disruptive step ran)" : hours(total) + " (disruptive steps)";
    }

    static String affected(Runbook runbook) {
        var targets = new LinkedHashSet<String>();
        runbook.steps().stream().filter(step -> step instanceof Step.Run).map(step -> ((Step.Run) step).action())
                .map(Action::targets).forEach(targets::addAll);
        return targets.isEmpty() ? "All services" : String.join(", ", targets);
    }

    private static String hours(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 60) return minutes + (minutes == 1 ? " minute" : " minutes");
        return String.format(java.util.Locale.ROOT, "%.1f hours", minutes / 60.0);
    }

    private static String format(Instant instant, ZoneId zone, DateTimeFormatter formatter) {
        return formatter.format(instant.atZone(zone));
    }
}
