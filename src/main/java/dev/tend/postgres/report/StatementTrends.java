package dev.tend.postgres.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Week over week from statement snapshots: each statement's calls and mean time in the last week
 * (the difference between the newest snapshot and one a week older) against the week before (or,
 * with no older snapshot, its mean since the statistics were reset).
 */
public final class StatementTrends {
    static final Duration WEEK = Duration.ofDays(7);
    /** A snapshot counts as "a week older" from six days back, so a weekly job that drifts an hour still pairs up. */
    private static final Duration ALMOST_A_WEEK = Duration.ofDays(6);

    private StatementTrends() {}

    /** One statement this week against before: {@code meanBefore} empty when it is new. */
    public record Trend(String query, long calls, double meanMs, Optional<Double> meanBefore) {
        public Optional<Double> change() {
            return meanBefore.filter(before -> before > 0).map(before -> meanMs / before);
        }
    }

    /** The statements of the newest week, heaviest first; empty when no snapshot is a week older than the newest. */
    public static Optional<List<Trend>> weekOverWeek(StatementSnapshots snapshots, String target, StatementSnapshots.Snapshot newest) {
        var weekAgo = snapshots.atOrBefore(target, newest.at().minus(ALMOST_A_WEEK));
        if (weekAgo.isEmpty()) return Optional.empty();
        var twoWeeksAgo = snapshots.atOrBefore(target, weekAgo.get().at().minus(ALMOST_A_WEEK));
        var trends = new ArrayList<Trend>();
        for (var now : newest.statements()) {
            var then = weekAgo.get().find(now.queryId());
            // A reset between the snapshots makes counts go down: then the newest figures are the week's.
            long calls = then.filter(old -> old.calls() <= now.calls()).map(old -> now.calls() - old.calls()).orElse(now.calls());
            double total = then.filter(old -> old.calls() <= now.calls()).map(old -> now.totalMs() - old.totalMs()).orElse(now.totalMs());
            if (calls == 0) continue;
            Optional<Double> before = then.map(old -> twoWeeksAgo.flatMap(earlier -> earlier.find(now.queryId()))
                    .filter(earlier -> earlier.calls() < old.calls())
                    .map(earlier -> (old.totalMs() - earlier.totalMs()) / (old.calls() - earlier.calls()))
                    .orElse(old.meanMs()));
            trends.add(new Trend(now.query(), calls, total / calls, before));
        }
        trends.sort(Comparator.comparingDouble((Trend trend) -> -trend.meanMs() * trend.calls()));
        return Optional.of(trends);
    }
}
