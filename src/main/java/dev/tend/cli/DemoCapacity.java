package dev.tend.cli;

import static dev.tend.audit.AccessReview.names;

import dev.tend.audit.AccessReviews;
import dev.tend.audit.AccessReviewsSection;
import dev.tend.audit.Rotations;
import dev.tend.capacity.CapacitySection;
import dev.tend.capacity.Forecasts;
import dev.tend.check.CheckResult;
import dev.tend.check.DailyRollups;
import dev.tend.check.Measurement;
import dev.tend.check.ResultHistory;
import dev.tend.check.Status;
import dev.tend.config.TendConfig;
import dev.tend.report.Html;
import dev.tend.report.ReportKind;
import dev.tend.report.ReportPeriod;
import dev.tend.schedule.WindowsSection;
import dev.tend.store.Database;
import dev.tend.target.TargetsSection;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo's planning: 120 days of synthetic history for its volume and database (a demo has no
 * past), the forecasts read from it, the capacity plan written as HTML beside the config, and the
 * monthly account audit of the database's roles and the application's users.
 */
final class DemoCapacity {
    static final int HISTORY_DAYS = 120;

    private DemoCapacity() {}

    static void show(TendConfig config, Database store, Main.Environment environment, Path directory, PrintWriter out) throws Exception {
        var clock = environment.clock();
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var rollups = new DailyRollups(store, WindowsSection.calendar(config));
        seedHistory(store, rollups, environment, today);
        rollups.due(clock, 2);
        out.println();
        out.println("Capacity forecasts (tend forecast) over " + HISTORY_DAYS + " days of history the demo made up for its volume and database:");
        var targets = TargetsSection.of(config).stream().map(target -> target.settings()).toList();
        var forecasts = new Forecasts(store, clock, CapacitySection.of(config)).all(targets);
        var table = new java.io.StringWriter();
        ForecastOutput.print(forecasts, false, new PrintWriter(table));
        table.toString().lines().forEach(line -> out.println("  " + line));
        var period = ReportPeriod.containing(today, ReportKind.CAPACITY.period());
        var kept = dev.tend.planning.ReportWriter.writeAndKeep(ReportKind.CAPACITY, period, config, store, clock);
        var written = kept.written();
        long id = kept.id();
        var file = directory.resolve("capacity-" + period.label() + ".html");
        Files.writeString(file, Html.render(written.document()));
        out.println("The capacity plan (tend report capacity --out " + file.getFileName() + "): " + file.toAbsolutePath() + ", kept as report " + id
                + "; the System Administrator signs it with tend report sign capacity --as admin --comment TEXT");
        out.println();
        out.println("The monthly account audit (tend access review app-users; tend access review db-roles):");
        for (var settings : AccessReviewsSection.of(config)) {
            var review = new AccessReviews(config, store, clock).review(settings).review();
            out.println("  " + settings.name() + ": " + review.accounts().size() + " accounts; superusers " + names(review.superusers()) + "; administrators "
                    + names(review.admins()) + "; inactive " + names(review.inactive()));
            review.findings().forEach(finding -> out.println("    finding: " + finding));
        }
        new Rotations(config, store, clock).states().forEach(state -> out.println("  rotation " + state.describe(clock.instant())));
    }

    /** Four samples a day of the volume's use and the database's size, growing towards today's real figures, once per store. */
    private static void seedHistory(Database store, DailyRollups rollups, Main.Environment environment, LocalDate today) {
        var first = today.minusDays(HISTORY_DAYS);
        if (!rollups.measures(first, first, "host").isEmpty()) return;
        var latest = new ResultHistory(store).latest();
        double used = figure(latest, "host", "disk:/", "used", 40);
        double size = figure(latest, "postgres", "database-size", "size", 10e6);
        // Synthetic: the volume grew from 60% of today's use, the database by 40% in four months.
        double perDay = used * 0.4 / HISTORY_DAYS;
        var random = new Random(7);
        var results = new ArrayList<CheckResult>();
        var now = environment.clock().instant();
        for (int ago = HISTORY_DAYS; ago >= 1; ago--) {
            for (int sample = 0; sample < 4; sample++) {
                var at = now.minus(Duration.ofDays(ago)).minus(Duration.ofHours(sample * 5L));
                results.add(new CheckResult("host", "disk:/", Status.OK, "demo history", List.of(new Measurement("used",
                        Math.max(0.1, used - perDay * ago + random.nextGaussian() * 0.2), "%")), at, Duration.ofMillis(2)));
                results.add(new CheckResult("postgres", "database-size", Status.OK, "demo history", List.of(new Measurement("size",
                        size * (1 - 0.0035 * ago) * (1 + random.nextGaussian() * 0.01), "bytes")), at, Duration.ofMillis(4)));
            }
        }
        new ResultHistory(store).save(results);
        for (var day = first.minusDays(1); day.isBefore(today); day = day.plusDays(1)) rollups.rollUp(day);
    }

    private static double figure(List<CheckResult> latest, String target, String check, String measurement, double otherwise) {
        return latest.stream().filter(result -> result.target().equals(target) && result.check().equals(check))
                .flatMap(result -> result.measurements().stream()).filter(one -> one.name().equals(measurement))
                .mapToDouble(Measurement::value).findFirst().orElse(otherwise);
    }
}
