package dev.tend.host;

import dev.tend.check.Check;
import dev.tend.check.Status;
import dev.tend.check.Thresholds;
import dev.tend.check.Units;
import dev.tend.check.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Disk and inode usage of the volume holding a path: the runbooks' "df -h". */
final class VolumeCheck implements Check {
    private final Path volume;
    private final HostTarget.DiskLevels disk;
    private final Thresholds inodes;

    VolumeCheck(Path volume, HostTarget.DiskLevels disk, Thresholds inodes) {
        this.volume = volume;
        this.disk = disk;
        this.inodes = inodes;
    }

    @Override
    public String name() {
        return "disk:" + volume;
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        if (!Files.exists(volume)) {
            return Verdict.builder().crit(volume + " does not exist; is the volume mounted?");
        }
        var store = Files.getFileStore(volume);
        long total = store.getTotalSpace();
        long available = store.getUsableSpace();
        // df's "Use%": used over what ordinary users can use, so reserved blocks count as full.
        long used = total - store.getUnallocatedSpace();
        double percent = Units.ratioPercent(used, used + available);
        var verdict = Verdict.builder()
                .measure("used", percent, "%")
                .measure("free", available, "bytes")
                .measure("total", total, "bytes");
        var diskStatus = percent >= disk.crit() ? Status.CRIT : percent >= disk.plan() ? Status.WARN : Status.OK;
        var reason = new StringBuilder("disk " + volume + " " + Units.percent(percent) + " used, "
                + Units.bytes(available) + " free of " + Units.bytes(total));
        if (percent >= disk.crit()) reason.append(", over the ").append(Units.percent(disk.crit())).append(" threshold");
        else if (percent >= disk.warn()) reason.append(", over the ").append(Units.percent(disk.warn())).append(" threshold");
        else if (percent >= disk.plan()) reason.append(", over the ").append(Units.percent(disk.plan()))
                .append(" planning threshold: plan storage expansion");

        var inodeUsage = InodeUsage.of(volume, timeout);
        var status = diskStatus;
        if (inodeUsage.isPresent() && inodeUsage.get().total() > 0) {
            double inodePercent = inodeUsage.get().usedPercent();
            verdict.measure("inodes_used", inodePercent, "%");
            var inodeStatus = inodes.grade(inodePercent);
            if (inodeStatus != Status.OK) {
                reason.append("; inodes ").append(Units.percent(inodePercent)).append(" used, over the ")
                        .append(Units.percent(inodes.crossed(inodePercent))).append(" threshold");
            }
            status = Status.worst(status, inodeStatus);
        }
        return verdict.verdict(status, reason.toString());
    }
}
