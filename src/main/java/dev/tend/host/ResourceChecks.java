package dev.tend.host;

import dev.tend.check.Check;
import dev.tend.check.Status;
import dev.tend.check.Thresholds;
import dev.tend.check.Units;
import dev.tend.check.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The runbooks' "check resource utilization (CPU, memory, disk I/O)": {@code cpu} (busy share over
 * an interval, and the load average per core), {@code memory} (used without the page cache, and
 * swap), {@code disk-io} (per disk: utilisation and average wait over the interval, as iostat's
 * %util and await).
 */
final class ResourceChecks {
    private ResourceChecks() {}

    /** Levels of the three checks and the sampling interval. */
    record Levels(Duration interval, Thresholds cpu, Thresholds loadPerCore, Thresholds memory, Thresholds swap, Thresholds ioUtil) {}

    static List<Check> all(Levels levels) {
        var proc = new ProcStat(Path.of("/proc"));
        return List.of(cpu(proc, levels), memory(proc, levels), diskIo(proc, levels));
    }

    private static Check cpu(ProcStat proc, Levels levels) {
        return check("cpu", timeout -> {
            var first = proc.cpu();
            Thread.sleep(levels.interval().toMillis());
            var second = proc.cpu();
            long total = 0;
            for (int i = 0; i < second.length; i++) total += second[i] - first[i];
            long idle = (second[3] - first[3]) + (second.length > 4 ? second[4] - first[4] : 0);
            long iowait = second.length > 4 ? second[4] - first[4] : 0;
            double busy = total == 0 ? 0 : 100.0 * (total - idle) / total;
            int cores = Runtime.getRuntime().availableProcessors();
            var load = proc.load();
            double perCore = load[0] / cores;
            var status = Status.worst(levels.cpu().grade(busy), levels.loadPerCore().grade(perCore));
            var reason = String.format(Locale.ROOT, "CPU %s busy over %s (iowait %s); load %.2f %.2f %.2f on %d cores", Units.percent(busy),
                    over(levels.interval()), Units.percent(total == 0 ? 0 : 100.0 * iowait / total), load[0], load[1], load[2], cores);
            return Verdict.builder().measure("busy", busy, "%").measure("load1", load[0], "").measure("load_per_core", perCore, "")
                    .verdict(status, reason + (status.isOk() ? "" : ", over its level"));
        });
    }

    private static Check memory(ProcStat proc, Levels levels) {
        return check("memory", timeout -> {
            var memory = proc.memory();
            long total = memory.getOrDefault("MemTotal", 0L);
            long available = memory.getOrDefault("MemAvailable", memory.getOrDefault("MemFree", 0L));
            double used = total == 0 ? 0 : 100.0 * (total - available) / total;
            long swapTotal = memory.getOrDefault("SwapTotal", 0L);
            double swap = swapTotal == 0 ? 0 : 100.0 * (swapTotal - memory.getOrDefault("SwapFree", 0L)) / swapTotal;
            var status = Status.worst(levels.memory().grade(used), swapTotal == 0 ? Status.OK : levels.swap().grade(swap));
            var reason = "memory " + Units.percent(used) + " used (" + Units.bytes(total - available) + " of " + Units.bytes(total)
                    + ", page cache not counted); " + (swapTotal == 0 ? "no swap" : "swap " + Units.percent(swap) + " of " + Units.bytes(swapTotal));
            return Verdict.builder().measure("memory_used", used, "%").measure("swap_used", swap, "%").measure("available", available, "bytes")
                    .verdict(status, reason);
        });
    }

    private static Check diskIo(ProcStat proc, Levels levels) {
        var sysBlock = Path.of("/sys/block");
        return check("disk-io", timeout -> {
            var first = proc.disks(sysBlock);
            long start = System.nanoTime();
            Thread.sleep(levels.interval().toMillis());
            var second = proc.disks(sysBlock);
            double millis = (System.nanoTime() - start) / 1e6;
            var verdict = Verdict.builder();
            var parts = new ArrayList<String>();
            var status = Status.OK;
            String busiest = null;
            double busiestUtil = -1;
            for (var after : second) {
                var before = first.stream().filter(disk -> disk.name().equals(after.name())).findFirst().orElse(null);
                if (before == null) continue;
                double util = Math.min(100, 100.0 * (after.ioTicks() - before.ioTicks()) / millis);
                long ios = (after.reads() - before.reads()) + (after.writes() - before.writes());
                double await = ios == 0 ? 0 : (double) ((after.readTicks() - before.readTicks()) + (after.writeTicks() - before.writeTicks())) / ios;
                verdict.measure("util_" + after.name(), util, "%").measure("await_" + after.name(), await, "ms");
                parts.add(String.format(Locale.ROOT, "%s %s util, %.1f ms await, %d I/Os", after.name(), Units.percent(util), await, ios));
                status = Status.worst(status, levels.ioUtil().grade(util));
                if (util > busiestUtil) {
                    busiestUtil = util;
                    busiest = after.name();
                }
            }
            if (parts.isEmpty()) return verdict.ok("no block devices to watch (a container without /sys/block?)");
            return verdict.verdict(status, String.join("; ", parts) + " over " + over(levels.interval())
                    + (status.isOk() ? "" : "; " + busiest + " is saturated"));
        });
    }

    /** "200 ms" or "1s": sampling intervals are often under a second. */
    private static String over(Duration interval) {
        return interval.toMillis() < 1000 ? interval.toMillis() + " ms" : Units.age(interval);
    }

    private interface Probe {
        Verdict run(Duration timeout) throws Exception;
    }

    private static Check check(String name, Probe probe) {
        return new Check() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Verdict run(Duration timeout) throws Exception {
                return probe.run(timeout);
            }
        };
    }
}
