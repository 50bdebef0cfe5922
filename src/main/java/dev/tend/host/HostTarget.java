package dev.tend.host;

import dev.tend.check.Check;
import dev.tend.check.CheckContext;
import dev.tend.check.Thresholds;
import dev.tend.target.Target;
import dev.tend.target.TargetSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The machine Tend runs on: its volumes and the directories that grow (logs, backups, data). */
public record HostTarget(
        TargetSettings settings,
        List<Path> volumes,
        DiskLevels disk,
        Thresholds inodes,
        List<Directory> directories,
        java.util.Optional<ResourceChecks.Levels> resources) implements Target {

    /** Disk usage levels of the seeds: plan expansion at 70%, warn at 80%, critical at 90%. */
    public record DiskLevels(double plan, double warn, double crit) {}

    /** A directory whose size is watched, with optional byte levels. */
    public record Directory(Path path, Optional<Thresholds> sizeBytes) {}

    @Override
    public List<Check> checks(CheckContext context) {
        var checks = new ArrayList<Check>();
        volumes.forEach(volume -> checks.add(new VolumeCheck(volume, disk, inodes)));
        directories.forEach(directory -> checks.add(new DirectorySizeCheck(directory)));
        resources.ifPresent(levels -> checks.addAll(ResourceChecks.all(levels)));
        return checks;
    }
}
