// Tend's check engine, in-process: load a config, run the CheckRunner once on a few targets as a
// warm-up, then once timed on all of them. Run as a single-file source program on Tend's class path:
//
//   java --enable-native-access=ALL-UNNAMED -cp "target/classes:$(cat target/classpath.txt)" \
//        bench/EngineBench.java CONFIG [WARMUP_TARGETS]
//
// Prints one line "RESULT tool=tend-engine n=... wall_s=... rate=... p50_ms=... p99_ms=... ..." and
// exits 3 when any check is not OK (the benchmark is void then).

import dev.tend.registry.BuiltIn;
import dev.tend.target.TargetsSection;
import dev.tend.check.CheckContext;
import dev.tend.check.CheckResult;
import dev.tend.check.CheckRunner;
import dev.tend.check.Status;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

public class EngineBench {
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: EngineBench CONFIG [WARMUP_TARGETS]");
            System.exit(2);
        }
        var config = BuiltIn.configLoader(System::getenv).load(Path.of(args[0]));
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : Math.min(1000, TargetsSection.of(config).size() / 10);
        var clock = Clock.systemUTC();
        var targets = TargetsSection.of(config);
        int n = targets.size();

        if (warmup > 0) {
            var warm = run(config, clock, targets.subList(0, Math.min(warmup, n)));
            System.err.printf(Locale.ROOT, "engine: warm-up %d checks in %.3f s, %d not OK%n",
                    warm.results.size(), warm.wallNanos / 1e9, notOk(warm.results));
        }
        System.gc();
        long rssBefore = vmKb("VmHWM"); // javac (source launcher), config load, warm-up
        resetPeakRss();
        long cpuBefore = processCpuNanos();
        var timed = run(config, clock, targets);
        long cpuNanos = processCpuNanos() - cpuBefore;
        long rssTimed = vmKb("VmHWM");
        long rssPeak = Math.max(rssBefore, rssTimed);

        var results = timed.results;
        long failures = notOk(results);
        if (failures > 0) {
            results.stream().filter(r -> r.status() != Status.OK).limit(5).forEach(r ->
                    System.err.println("engine: NOT OK " + r.target() + "/" + r.check() + ": " + r.status() + " " + r.reason()));
        }
        long[] micros = results.stream().mapToLong(r -> r.duration().toNanos() / 1000).sorted().toArray();
        double wall = timed.wallNanos / 1e9;
        System.out.printf(Locale.ROOT,
                "RESULT tool=tend-engine n=%d c=%d wall_s=%.3f rate=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f "
                        + "cpu_s=%.3f per_cpu_s=%.1f rss_peak_kb=%d rss_timed_kb=%d failures=%d%n",
                results.size(), config.concurrency(), wall, results.size() / wall,
                pct(micros, 50) / 1000.0, pct(micros, 99) / 1000.0, micros[micros.length - 1] / 1000.0,
                cpuNanos / 1e9, results.size() / (cpuNanos / 1e9), rssPeak, rssTimed, failures);
        if (results.size() != n) {
            System.err.println("engine: expected " + n + " results, got " + results.size());
            System.exit(3);
        }
        System.exit(failures == 0 ? 0 : 3);
    }

    private record Run(List<CheckResult> results, long wallNanos) {}

    private static Run run(dev.tend.config.TendConfig config, Clock clock, List<dev.tend.target.Target> targets) {
        try (var context = CheckContext.create(clock)) {
            long start = System.nanoTime();
            var results = new CheckRunner(clock, config.redactor(), config.concurrency()).run(targets, context, r -> {});
            return new Run(results, System.nanoTime() - start);
        }
    }

    private static long notOk(List<CheckResult> results) {
        return results.stream().filter(r -> r.status() != Status.OK).count();
    }

    /** Nearest-rank percentile of sorted values. */
    private static long pct(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    /** Resets VmHWM to the current RSS, so the second peak is that of the timed run alone. */
    private static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (Exception e) {
            System.err.println("engine: cannot reset VmHWM (" + e + "); rss_timed_kb is the whole process's peak");
        }
    }

    private static long vmKb(String key) throws Exception {
        for (var line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(key + ":")) return Long.parseLong(line.replaceAll("\\D", ""));
        }
        return -1;
    }
}
