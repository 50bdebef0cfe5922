package dev.tend.web;

import dev.tend.alert.AlertService;
import dev.tend.alert.Severity;
import dev.tend.alert.notify.Outbox;
import dev.tend.backup.BackupsSection;
import dev.tend.backup.Verifications;
import dev.tend.check.ResultHistory;
import dev.tend.check.Status;
import dev.tend.schedule.ScheduleRun;
import dev.tend.schedule.ScheduleRuns;
import dev.tend.schedule.SchedulesSection;
import dev.tend.schedule.WindowsSection;
import dev.tend.target.TargetsSection;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code /metrics}: what an operator graphs and alerts on, from the store, in base units. Labels
 * are bounded by the config (targets, checks, schedules, backups, severities), never by data.
 * Prometheus sends a viewer token as {@code authorization: {credentials: TOKEN}}.
 */
final class MetricsRoutes {
    private final WebContext context;

    private MetricsRoutes(WebContext context) {
        this.context = context;
    }

    static List<Route> of(WebContext context) {
        return List.of(Route.get("/metrics", Access.VIEWER, "Prometheus metrics (text exposition format)", new MetricsRoutes(context)::metrics));
    }

    private void metrics(Context ctx) {
        var now = context.clock().instant();
        var out = new Exposition();
        checks(out);
        schedules(out);
        backups(out, now);
        incidents(out);
        windows(out, now);
        notifications(out);
        ctx.header("Cache-Control", "no-store").contentType("text/plain; version=0.0.4; charset=utf-8").result(out.text());
    }

    private void checks(Exposition out) {
        out.gauge("tend_check_status", "1 for the status of each check's latest result (ok, warn, crit, unknown), 0 for the others")
                .gauge("tend_check_duration_seconds", "how long each check's latest run took")
                .gauge("tend_check_last_run_timestamp_seconds", "when each check last ran (Unix time)");
        for (var result : new ResultHistory(context.store()).latest()) {
            for (var status : Status.values()) {
                out.sample("tend_check_status", status == result.status() ? 1 : 0, "target", result.target(), "check", result.check(),
                        "status", status.name().toLowerCase(Locale.ROOT));
            }
            out.sample("tend_check_duration_seconds", result.duration().toNanos() / 1e9, "target", result.target(), "check", result.check());
            out.sample("tend_check_last_run_timestamp_seconds", seconds(result.startedAt()), "target", result.target(), "check", result.check());
        }
    }

    private void schedules(Exposition out) {
        out.gauge("tend_schedule_last_run_timestamp_seconds", "when each schedule's latest run started (Unix time)")
                .gauge("tend_schedule_last_success_timestamp_seconds", "when each schedule's latest successful run started (Unix time)")
                .gauge("tend_schedule_start_delay_seconds", "scheduler lag: how late each schedule's latest run started after its planned time");
        var runs = new ScheduleRuns(context.store());
        for (var schedule : SchedulesSection.of(context.config())) {
            var recent = runs.recent(schedule.name(), 50);
            var started = recent.stream().filter(run -> run.status() != ScheduleRun.Status.SKIPPED && run.status() != ScheduleRun.Status.MISSED).findFirst();
            started.ifPresent(run -> {
                out.sample("tend_schedule_last_run_timestamp_seconds", seconds(run.startedAt()), "schedule", schedule.name());
                out.sample("tend_schedule_start_delay_seconds", Math.max(0, (run.startedAt().toEpochMilli() - run.runAt().toEpochMilli()) / 1000.0),
                        "schedule", schedule.name());
            });
            recent.stream().filter(run -> run.status() == ScheduleRun.Status.SUCCEEDED).findFirst()
                    .ifPresent(run -> out.sample("tend_schedule_last_success_timestamp_seconds", seconds(run.startedAt()), "schedule", schedule.name()));
        }
    }

    private void backups(Exposition out, Instant now) {
        out.gauge("tend_backup_last_success_timestamp_seconds", "when each backup last completed (Unix time)")
                .gauge("tend_backup_age_seconds", "age of each backup's newest completed copy")
                .gauge("tend_backup_last_verified_timestamp_seconds", "when each backup last passed a verification or drill (Unix time)");
        var copies = new dev.tend.backup.BackupCopies(context.store());
        var verifications = new Verifications(context.store());
        for (var backup : BackupsSection.of(context.config())) {
            copies.lastCopy(backup).ifPresent(outcome -> {
                        var done = dev.tend.backup.BackupCopies.doneAt(outcome);
                        out.sample("tend_backup_last_success_timestamp_seconds", seconds(done), "backup", backup.name());
                        out.sample("tend_backup_age_seconds", Math.max(0, (now.toEpochMilli() - done.toEpochMilli()) / 1000.0), "backup", backup.name());
                    });
            verifications.recent(backup.name(), 50).stream().filter(dev.tend.backup.Verification::passed).findFirst()
                    .ifPresent(passed -> out.sample("tend_backup_last_verified_timestamp_seconds", seconds(passed.startedAt()), "backup", backup.name()));
        }
    }

    private void incidents(Exposition out) {
        out.gauge("tend_incidents_open", "open incidents (triggered or acknowledged) by severity");
        var open = new AlertService(context.config(), context.store(), context.clock()).incidents(false);
        for (var severity : Severity.values()) {
            out.sample("tend_incidents_open", open.stream().filter(incident -> incident.severity() == severity).count(),
                    "severity", severity.name().toLowerCase(Locale.ROOT));
        }
    }

    private void windows(Exposition out, Instant now) {
        out.gauge("tend_window_open", "1 while a maintenance window covers the target");
        var calendar = WindowsSection.calendar(context.config());
        for (var target : TargetsSection.of(context.config())) {
            out.sample("tend_window_open", calendar.isOpen(target.name(), now) ? 1 : 0, "target", target.name());
        }
    }

    private void notifications(Exposition out) {
        out.gauge("tend_notifications_pending", "notifications in the outbox not yet delivered (being tried or waiting to be retried)")
                .gauge("tend_notifications_dead", "notifications given up on (dead letters)")
                .counter("tend_notifications_delivered_total", "notifications delivered since the store was created");
        var counts = new Outbox(context.store()).countByState();
        out.sample("tend_notifications_pending", counts.getOrDefault("PENDING", 0L));
        out.sample("tend_notifications_dead", counts.getOrDefault("DEAD", 0L));
        out.sample("tend_notifications_delivered_total", counts.getOrDefault("DELIVERED", 0L));
    }

    private static double seconds(Instant at) {
        return at.toEpochMilli() / 1000.0;
    }
}
