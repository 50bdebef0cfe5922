package dev.tend.planning;

import dev.tend.action.WatchedTargets;
import dev.tend.audit.AccessReport;
import dev.tend.audit.AccessReviews;
import dev.tend.audit.AccessReviewsSection;
import dev.tend.audit.Rotations;
import dev.tend.audit.SecurityReport;
import dev.tend.capacity.CapacityReport;
import dev.tend.capacity.CapacitySection;
import dev.tend.capacity.Forecasts;
import dev.tend.capacity.PerformanceReport;
import dev.tend.check.DailyRollups;
import dev.tend.config.TendConfig;
import dev.tend.postgres.PostgresTarget;
import dev.tend.postgres.report.StatementSnapshots;
import dev.tend.postgres.report.StatementTrends;
import dev.tend.report.Document;
import dev.tend.report.ReportKind;
import dev.tend.report.ReportPeriod;
import dev.tend.schedule.WindowsSection;
import dev.tend.store.Database;
import dev.tend.target.Target;
import dev.tend.target.TargetsSection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers what each kind of report needs from the store and the targets, and has its feature
 * build it: what tend report, the report action and the demo share.
 */
public final class ReportWriter {
    private ReportWriter() {}

    /** A written report, its figures, and whether it found something to act on. */
    public record Written(Document document, Map<String, Object> data, boolean findings) {}

    /** A written report as kept in the store. */
    public record Kept(Written written, long id) {}

    /** Writes the report and keeps it for signing. */
    public static Kept writeAndKeep(ReportKind kind, ReportPeriod period, TendConfig config, Database store, Clock clock) throws Exception {
        var written = write(kind, period, config, store, clock);
        long id = new dev.tend.report.ReportSigning(config, store, clock).keep(kind, period, dev.tend.report.Markdown.render(written.document()),
                tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(written.data()));
        return new Kept(written, id);
    }

    public static Written write(ReportKind kind, ReportPeriod period, TendConfig config, Database store, Clock clock) throws Exception {
        // Every report reads the daily rollups: bring them up to date (tend serve keeps them so).
        var rollups = new DailyRollups(store, WindowsSection.calendar(config));
        rollups.due(clock, 90);
        var now = clock.instant();
        var platform = config.platform().name();
        return switch (kind) {
            case CAPACITY -> {
                var targets = WatchedTargets.of(config, store, clock).stream().map(Target::settings).toList();
                var forecasts = new Forecasts(store, clock, CapacitySection.of(config)).all(targets);
                var built = CapacityReport.build(platform, period.label(), now, forecasts, CapacitySection.of(config));
                yield new Written(built.document(), built.data(), forecasts.stream().anyMatch(forecast -> forecast.status() == dev.tend.check.Status.WARN
                        || forecast.status() == dev.tend.check.Status.CRIT));
            }
            case PERFORMANCE -> {
                var from = period.from().minusDays(7);
                var last = period.to().minusDays(1);
                var built = PerformanceReport.build(platform, period, now, rollups.between(from, last), rollups.measures(from, last),
                        statements(config, store, period, now));
                yield new Written(built.document(), built.data(), !((List<?>) built.data().get("worse")).isEmpty());
            }
            case ACCESS -> {
                var reviews = new ArrayList<AccessReviews.Kept>();
                for (var settings : AccessReviewsSection.of(config)) reviews.add(new AccessReviews(config, store, clock).review(settings));
                var rotations = new Rotations(config, store, clock).states();
                var built = AccessReport.build(config, period, now, reviews, rotations);
                yield new Written(built.document(), built.data(), reviews.stream().anyMatch(kept -> !kept.review().findings().isEmpty())
                        || rotations.stream().anyMatch(Rotations.State::overdue));
            }
            case SECURITY -> {
                var built = SecurityReport.build(config, store, clock, period);
                yield new Written(built.document(), built.data(), built.items().stream().anyMatch(item -> !item.ok()));
            }
        };
    }

    /** Per database, the statements of the week: a snapshot is taken now when the week is the current one. */
    private static List<PerformanceReport.Statements> statements(TendConfig config, Database store, ReportPeriod period, java.time.Instant now) {
        var snapshots = new StatementSnapshots(store);
        var all = new ArrayList<PerformanceReport.Statements>();
        for (var target : TargetsSection.of(config)) {
            if (!(target instanceof PostgresTarget postgres)) continue;
            Optional<StatementSnapshots.Snapshot> newest;
            try {
                newest = now.isBefore(period.end()) ? snapshots.take(postgres, now) : snapshots.atOrBefore(postgres.name(), period.end());
            } catch (java.sql.SQLException e) {
                all.add(new PerformanceReport.Statements(postgres.name(), Optional.empty(), "no snapshot: " + e.getMessage()));
                continue;
            }
            if (newest.isEmpty()) {
                all.add(new PerformanceReport.Statements(postgres.name(), Optional.empty(), "pg_stat_statements is not installed, or no snapshot was taken that week"));
                continue;
            }
            var trends = StatementTrends.weekOverWeek(snapshots, postgres.name(), newest.get());
            all.add(new PerformanceReport.Statements(postgres.name(), trends, trends.isPresent() ? ""
                    : "the first statement snapshot is from " + newest.get().at() + "; week over week from next week (tend pg report and this report take them)"));
        }
        return all;
    }
}
