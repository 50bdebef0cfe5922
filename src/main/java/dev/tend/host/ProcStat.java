package dev.tend.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the resource checks read from /proc: the CPU counters, memory, load, and per-disk I/O counters. */
final class ProcStat {
    private final Path proc;

    ProcStat(Path proc) {
        this.proc = proc;
    }

    /** The aggregate "cpu" line of /proc/stat: user nice system idle iowait irq softirq steal, in ticks. */
    long[] cpu() throws IOException {
        var line = Files.readAllLines(proc.resolve("stat")).stream().filter(text -> text.startsWith("cpu ")).findFirst()
                .orElseThrow(() -> new IOException(proc.resolve("stat") + " has no cpu line"));
        var fields = line.trim().split("\\s+");
        var ticks = new long[Math.min(8, fields.length - 1)];
        for (int i = 0; i < ticks.length; i++) ticks[i] = Long.parseLong(fields[i + 1]);
        return ticks;
    }

    /** /proc/meminfo in bytes, by key (MemTotal, MemAvailable, SwapTotal, SwapFree). */
    Map<String, Long> memory() throws IOException {
        var values = new LinkedHashMap<String, Long>();
        for (var line : Files.readAllLines(proc.resolve("meminfo"))) {
            var parts = line.split(":\\s*");
            if (parts.length < 2) continue;
            var number = parts[1].trim().split("\\s+");
            long value = Long.parseLong(number[0]);
            values.put(parts[0], number.length > 1 && number[1].equals("kB") ? value * 1024 : value);
        }
        return values;
    }

    /** The 1, 5 and 15 minute load averages. */
    double[] load() throws IOException {
        var fields = Files.readString(proc.resolve("loadavg")).trim().split("\\s+");
        return new double[] {Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2])};
    }

    /** Counters of one block device from /proc/diskstats. */
    record Disk(String name, long reads, long readTicks, long writes, long writeTicks, long ioTicks) {}

    /** Whole disks (not partitions, loop or ram devices): those /sys/block lists with a device behind them. */
    List<Disk> disks(Path sysBlock) throws IOException {
        var disks = new java.util.ArrayList<Disk>();
        for (var line : Files.readAllLines(proc.resolve("diskstats"))) {
            var fields = line.trim().split("\\s+");
            if (fields.length < 14) continue;
            var name = fields[2];
            if (name.startsWith("loop") || name.startsWith("ram") || name.startsWith("zram") || !Files.isDirectory(sysBlock.resolve(name))) continue;
            disks.add(new Disk(name, Long.parseLong(fields[3]), Long.parseLong(fields[6]), Long.parseLong(fields[7]), Long.parseLong(fields[10]),
                    Long.parseLong(fields[12])));
        }
        return disks;
    }
}
