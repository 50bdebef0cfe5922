package dev.tend.status;

import dev.tend.check.CheckResult;
import dev.tend.check.DailyRollup;
import dev.tend.check.DailyRollups;
import java.time.LocalDate;
import java.time.ZoneOffset;
import dev.tend.check.ResultHistory;
import dev.tend.check.Status;
import dev.tend.config.TendConfig;
import dev.tend.runbook.MaintenanceEvent;
import dev.tend.runbook.MaintenanceRun;
import dev.tend.runbook.MaintenanceRuns;
import dev.tend.runbook.Runbook;
import dev.tend.runbook.RunbooksSection;
import dev.tend.schedule.MaintenanceWindow;
import dev.tend.schedule.WindowsSection;
import dev.tend.store.Database;
import dev.tend.window.WindowOccurrence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the status page from what Tend knows: component status from the latest check results,
 * incidents as people published them, and maintenance from the windows and the maintenance runs
 * themselves — announced {@code announceAhead} before a window opens, in progress when its run
 * starts (or the window opens, for a window without a runbook), verifying while the run's
 * post-checks run, completed with the run's notice.
 */
public final class StatusPageBuilder {
    static final String SCHEDULED = "scheduled";
    static final String IN_PROGRESS = "in_progress";
    static final String VERIFYING = "verifying";
    static final String COMPLETED = "completed";
    /** How long resolved incidents and completed maintenance stay on the page and in its JSON. */
    static final Duration HISTORY = Duration.ofDays(7);

    private final TendConfig config;
    private final Database store;
    private final Clock clock;

    public StatusPageBuilder(TendConfig config, Database store, Clock clock) {
        this.config = config;
        this.store = store;
        this.clock = clock;
    }

    public StatusPage build() {
        var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var settings = StatusPageSection.of(config);
        var maintenances = maintenances(settings, now);
        var incidents = new StatusIncidents(store).recent(now.minus(HISTORY), 50);
        var latest = new HashMap<String, List<CheckResult>>();
        for (var result : new ResultHistory(store).latest()) latest.computeIfAbsent(result.target(), key -> new ArrayList<>()).add(result);
        var components = new ArrayList<StatusPage.Component>();
        int position = 1;
        for (var component : settings.components()) {
            var underMaintenance = maintenances.stream().anyMatch(maintenance -> (maintenance.status().equals(IN_PROGRESS) || maintenance.status().equals(VERIFYING))
                    && maintenance.components().contains(component.name()));
            var results = component.targets().stream().flatMap(target -> latest.getOrDefault(target, List.of()).stream()).toList();
            var updated = results.stream().map(CheckResult::startedAt).max(Comparator.naturalOrder()).orElse(now).truncatedTo(ChronoUnit.SECONDS);
            var days = uptime(component, now);
            components.add(new StatusPage.Component(slug(component.name()), component.name(), component.description(),
                    underMaintenance ? ComponentStatus.UNDER_MAINTENANCE : status(component.targets(), latest), updated, position++, days, overall(days)));
        }
        return new StatusPage(slug(config.platform().name()), settings.title(), now, List.copyOf(components), indicator(components, incidents),
                incidents, maintenances);
    }

    /** How long the uptime bars are reused: the rollups under them change every ten minutes. */
    static final Duration UPTIME_FRESH = Duration.ofMinutes(5);
    private List<DailyRollup> rollups = List.of();
    private Instant rollupsReadAt = Instant.MIN;

    /** The component's last 90 days from the daily rollups, oldest first. */
    private List<StatusPage.Day> uptime(StatusPageSettings.Component component, Instant now) {
        var today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        synchronized (this) {
            if (rollupsReadAt.plus(UPTIME_FRESH).isBefore(now) || rollupsReadAt.isAfter(now)) {
                rollups = new DailyRollups(store, WindowsSection.calendar(config)).between(today.minusDays(DAYS - 1L), today);
                rollupsReadAt = now;
            }
        }
        var byDay = new HashMap<LocalDate, int[]>();
        for (var rollup : rollups) {
            if (!component.targets().contains(rollup.target())) continue;
            var sums = byDay.computeIfAbsent(rollup.day(), day -> new int[3]);
            sums[0] += rollup.counted();
            sums[1] += rollup.up();
            sums[2] += rollup.inMaintenance();
        }
        var days = new ArrayList<StatusPage.Day>();
        for (var day = today.minusDays(DAYS - 1L); !day.isAfter(today); day = day.plusDays(1)) {
            var sums = byDay.get(day);
            days.add(sums == null ? new StatusPage.Day(day, Optional.empty(), false)
                    : new StatusPage.Day(day, sums[0] == 0 ? Optional.empty() : Optional.of((double) sums[1] / sums[0]), sums[2] > 0));
        }
        return days;
    }

    /** Uptime over the days that have data, weighted by day (maintenance already left out). */
    private static Optional<Double> overall(List<StatusPage.Day> days) {
        var measured = days.stream().flatMap(day -> day.uptime().stream()).toList();
        return measured.isEmpty() ? Optional.empty() : Optional.of(measured.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
    }

    static final int DAYS = 90;

    /**
     * A component's status from its targets' latest results: every target failing (CRIT) is a
     * major outage, some a partial one; a warning or a check that could not tell is degraded; a
     * target never checked yet counts for nothing either way.
     */
    static ComponentStatus status(List<String> targets, java.util.Map<String, List<CheckResult>> latest) {
        int checked = 0, down = 0;
        boolean degraded = false;
        for (var target : targets) {
            var results = latest.getOrDefault(target, List.of());
            if (results.isEmpty()) continue;
            checked++;
            var worst = results.stream().map(CheckResult::status).reduce(Status.OK, Status::worst);
            if (worst == Status.CRIT) down++;
            else if (worst != Status.OK) degraded = true;
        }
        if (down > 0) return down == checked ? ComponentStatus.MAJOR_OUTAGE : ComponentStatus.PARTIAL_OUTAGE;
        return degraded ? ComponentStatus.DEGRADED_PERFORMANCE : ComponentStatus.OPERATIONAL;
    }

    private static StatusPage.Indicator indicator(List<StatusPage.Component> components, List<StatusIncident> incidents) {
        int level = 0;
        for (var component : components) {
            level = Math.max(level, switch (component.status()) {
                case MAJOR_OUTAGE -> 3;
                case PARTIAL_OUTAGE -> 2;
                case DEGRADED_PERFORMANCE -> 1;
                default -> 0;
            });
        }
        for (var incident : incidents) {
            if (!incident.resolved()) level = Math.max(level, StatusIncident.IMPACTS.indexOf(incident.impact()));
        }
        boolean maintenance = components.stream().anyMatch(component -> component.status() == ComponentStatus.UNDER_MAINTENANCE);
        return switch (level) {
            case 3 -> new StatusPage.Indicator("critical", "Major System Outage");
            case 2 -> new StatusPage.Indicator("major", "Partial System Outage");
            case 1 -> new StatusPage.Indicator("minor", "Minor Service Outage");
            default -> new StatusPage.Indicator("none", maintenance ? "Service Under Maintenance" : "All Systems Operational");
        };
    }

    private List<StatusIncident> maintenances(StatusPageSettings settings, Instant now) {
        var calendar = WindowsSection.calendar(config);
        var runbooks = RunbooksSection.of(config);
        var runs = new MaintenanceRuns(store);
        var recentRuns = runs.startedSince(now.minus(HISTORY).minus(Duration.ofDays(1)));
        var used = new HashSet<Long>();
        var maintenances = new ArrayList<StatusIncident>();
        for (var occurrence : calendar.occurrences(now.minus(HISTORY), now.plus(settings.announceAhead()))) {
            var window = calendar.windows().stream().filter(candidate -> candidate.name().equals(occurrence.window())).findFirst().orElseThrow();
            var affected = affected(settings, window);
            if (affected.isEmpty()) continue;
            var windowRunbooks = runbooks.stream().filter(runbook -> runbook.window().filter(window.name()::equals).isPresent()).toList();
            // The run of this opening: one of its runbooks, started while it was open (or announced just before).
            var run = recentRuns.stream().filter(candidate -> !used.contains(candidate.id()))
                    .filter(candidate -> windowRunbooks.stream().anyMatch(runbook -> runbook.name().equals(candidate.runbook())))
                    .filter(candidate -> !candidate.startedAt().isBefore(occurrence.start().minus(Duration.ofHours(1))) && candidate.startedAt().isBefore(occurrence.end()))
                    .findFirst();
            run.ifPresent(found -> used.add(found.id()));
            if (occurrence.start().isAfter(now.plus(settings.announceAhead()))) continue;
            // A routine window with no runbook and no run (a nightly one) is history for a day, not a week of identical entries.
            if (windowRunbooks.isEmpty() && occurrence.end().isBefore(now.minus(Duration.ofDays(1)))) continue;
            maintenances.add(maintenance(settings, occurrence, window, windowRunbooks, run, affected, now, runs));
        }
        // A maintenance run of a runbook with no window is maintenance of every component.
        for (var run : recentRuns) {
            if (used.contains(run.id())) continue;
            var runbook = runbooks.stream().filter(candidate -> candidate.name().equals(run.runbook())).findFirst();
            if (runbook.isEmpty() || runbook.get().window().isPresent()) continue;
            var all = settings.components().stream().map(StatusPageSettings.Component::name).toList();
            maintenances.add(fromRun("run-" + run.id(), runbook.get().title(), run, all, run.startedAt(), run.finishedAt().orElse(run.startedAt()), runs, now,
                    new ArrayList<>()));
        }
        maintenances.sort(Comparator.comparing((StatusIncident maintenance) -> maintenance.scheduledFor().orElseThrow()).reversed());
        return List.copyOf(maintenances);
    }

    static List<String> affected(StatusPageSettings settings, MaintenanceWindow window) {
        var names = new LinkedHashSet<String>();
        for (var component : settings.components()) {
            if (component.targets().stream().anyMatch(window::covers)) names.add(component.name());
        }
        return List.copyOf(names);
    }

    private StatusIncident maintenance(StatusPageSettings settings, WindowOccurrence occurrence, MaintenanceWindow window, List<Runbook> windowRunbooks,
            Optional<MaintenanceRun> run, List<String> affected, Instant now, MaintenanceRuns runs) {
        var id = "mnt-" + occurrence.window() + "-" + occurrence.start().getEpochSecond();
        var name = windowRunbooks.isEmpty() ? Optional.ofNullable(window.description()).filter(text -> !text.isBlank()).orElse("Scheduled maintenance")
                : windowRunbooks.getFirst().title();
        var announced = occurrence.start().minus(settings.announceAhead());
        var updates = new ArrayList<StatusIncident.Update>();
        updates.add(new StatusIncident.Update(id + "-scheduled", SCHEDULED, scheduledText(occurrence, affected), announced, "tend"));
        if (run.isPresent()) return fromRun(id, name, run.get(), affected, occurrence.start(), occurrence.end(), runs, now, updates);
        String status;
        Optional<Instant> resolved = Optional.empty();
        if (now.isBefore(occurrence.start())) {
            status = SCHEDULED;
        } else if (now.isBefore(occurrence.end()) && windowRunbooks.isEmpty()) {
            status = IN_PROGRESS;
            updates.add(new StatusIncident.Update(id + "-in_progress", IN_PROGRESS, "The maintenance window is open; work is in progress.", occurrence.start(), "tend"));
        } else if (now.isBefore(occurrence.end())) {
            status = SCHEDULED; // the window is open, its runbook has not started yet
        } else {
            status = COMPLETED;
            resolved = Optional.of(occurrence.end());
            if (windowRunbooks.isEmpty()) {
                updates.add(new StatusIncident.Update(id + "-in_progress", IN_PROGRESS, "The maintenance window is open; work is in progress.", occurrence.start(), "tend"));
            }
            updates.add(new StatusIncident.Update(id + "-completed", COMPLETED, windowRunbooks.isEmpty() ? "The maintenance window has ended."
                    : "The maintenance window has ended; no work was carried out.", occurrence.end(), "tend"));
        }
        var latest = updates.getLast().at();
        return new StatusIncident(id, name, status, "maintenance", affected, announced, latest, resolved, Optional.of(occurrence.start()),
                Optional.of(occurrence.end()), newestFirst(updates));
    }

    static String scheduledText(WindowOccurrence occurrence, List<String> affected) {
        return "Planned maintenance from " + occurrence.start() + " to " + occurrence.end() + " (UTC)"
                + (affected.isEmpty() ? "." : ", affecting " + String.join(", ", affected) + ".");
    }

    /** A maintenance that a run carries out: its states become the maintenance's (in progress, verifying, completed with the notice). */
    private static StatusIncident fromRun(String id, String name, MaintenanceRun run, List<String> affected, Instant scheduledFor, Instant scheduledUntil,
            MaintenanceRuns runs, Instant now, List<StatusIncident.Update> updates) {
        var announced = updates.isEmpty() ? run.startedAt() : updates.getFirst().at();
        updates.add(new StatusIncident.Update(id + "-in_progress", IN_PROGRESS, "Maintenance has started: " + name + ".", run.startedAt(), "tend"));
        var verifying = runs.events(run.id()).stream().filter(event -> event.kind() == MaintenanceEvent.Kind.STATE && event.detail().startsWith("VERIFYING"))
                .map(MaintenanceEvent::at).findFirst();
        verifying.ifPresent(at -> updates.add(new StatusIncident.Update(id + "-verifying", VERIFYING, "The work is done; verifying that everything works.", at, "tend")));
        String status = verifying.isPresent() ? VERIFYING : IN_PROGRESS;
        Optional<Instant> resolved = Optional.empty();
        if (run.state().over()) {
            status = COMPLETED;
            resolved = Optional.of(run.finishedAt().orElse(now));
            var body = switch (run.state()) {
                case COMPLETED -> "Maintenance completed.";
                case ROLLED_BACK -> "The maintenance did not complete; its changes were rolled back.";
                default -> "The maintenance stopped before completing.";
            };
            var notice = run.notice() == null || run.notice().isBlank() ? "" : " " + run.notice().strip();
            updates.add(new StatusIncident.Update(id + "-completed", COMPLETED, body + notice, resolved.get(), "tend"));
        }
        return new StatusIncident(id, name, status, "maintenance", affected, announced, updates.getLast().at(), resolved, Optional.of(scheduledFor),
                Optional.of(scheduledUntil), newestFirst(updates));
    }

    private static List<StatusIncident.Update> newestFirst(List<StatusIncident.Update> updates) {
        return updates.stream().sorted(Comparator.comparing(StatusIncident.Update::at).reversed()).toList();
    }

    /** "Public API (v2)" → "public-api-v2": Statuspage-style ids from names. */
    static String slug(String name) {
        var slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "component" : slug;
    }
}
