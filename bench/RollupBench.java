// After HistoryData: what tend serve and tend report do with that history, timed in this process.
//
//   java -cp "target/classes:$(cat target/classpath.txt)" bench/RollupBench.java CONFIG MODE
//
// MODE: increment — one day's increment as tend serve runs it after midnight (yesterday, whole,
//         then today so far); prints "RESULT increment_s=... yesterday_s=... today_s=..."
//       report — the capacity report: forecasts of every quantity, the document with its charts,
//         rendered to HTML; prints "RESULT report_s=... forecasts=... html_bytes=..."
//       day — yesterday's rollup alone; all — every day with results (for the peak memory of each)

import dev.tend.action.WatchedTargets;
import dev.tend.capacity.CapacityReport;
import dev.tend.capacity.CapacitySection;
import dev.tend.capacity.Forecasts;
import dev.tend.check.DailyRollups;
import dev.tend.registry.BuiltIn;
import dev.tend.report.Html;
import dev.tend.schedule.WindowsSection;
import dev.tend.store.Stores;
import dev.tend.target.Target;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

public class RollupBench {
    public static void main(String[] args) throws Exception {
        var config = BuiltIn.configLoader(System::getenv).load(Path.of(args[0]));
        var clock = Clock.systemUTC();
        var today = LocalDate.now(ZoneOffset.UTC);
        try (var store = Stores.open(config.store())) {
            var rollups = new DailyRollups(store, WindowsSection.calendar(config));
            switch (args[1]) {
                case "increment" -> {
                    long began = System.nanoTime();
                    rollups.rollUp(today.minusDays(1));
                    double yesterday = seconds(began);
                    began = System.nanoTime();
                    rollups.rollUp(today);
                    double todaySoFar = seconds(began);
                    System.out.printf(java.util.Locale.ROOT, "RESULT increment_s=%.2f yesterday_s=%.2f today_s=%.2f%n", yesterday + todaySoFar, yesterday, todaySoFar);
                }
                case "report" -> {
                    long began = System.nanoTime();
                    var targets = WatchedTargets.of(config, store, clock).stream().map(Target::settings).toList();
                    var forecasts = new Forecasts(store, clock, CapacitySection.of(config)).all(targets);
                    var built = CapacityReport.build(config.platform().name(), "bench", clock.instant(), forecasts, CapacitySection.of(config));
                    int bytes = Html.render(built.document()).length();
                    System.out.printf(java.util.Locale.ROOT, "RESULT report_s=%.2f forecasts=%d html_bytes=%d%n", seconds(began), forecasts.size(), bytes);
                }
                case "day" -> rollups.rollUp(today.minusDays(1));
                case "all" -> {
                    for (var day = today.minusDays(91); !day.isAfter(today); day = day.plusDays(1)) rollups.rollUp(day);
                }
                default -> throw new IllegalArgumentException("MODE: increment, report, day or all");
            }
        }
    }

    private static double seconds(long began) {
        return (System.nanoTime() - began) / 1e9;
    }
}
