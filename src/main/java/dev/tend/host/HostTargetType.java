package dev.tend.host;

import dev.tend.check.ThresholdSpec;
import dev.tend.check.Thresholds;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.NumberSpec;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.SizeSpec;
import dev.tend.config.spec.PathSpec;
import dev.tend.target.Target;
import dev.tend.target.TargetBinding;
import dev.tend.target.TargetType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code type: host}: disk and inode usage per volume, directory sizes. */
public final class HostTargetType implements TargetType {
    private static final NumberSpec PERCENT = NumberSpec.decimal(0, 100);
    private static final PathSpec ABSOLUTE_PATH = new PathSpec(true);

    @Override
    public String name() {
        return "host";
    }

    @Override
    public String summary() {
        return "this machine: disk usage and inodes per volume, free bytes, directory sizes";
    }

    @Override
    public List<Field> fields() {
        return List.of(
                Field.withDefault("volumes", ListSpec.nonEmpty(ABSOLUTE_PATH).withoutRepeats(), "[/]", "mount points (or any path on them) to watch"),
                Field.withDefault("disk", ObjectSpec.of("disk usage levels in %",
                        Field.withDefault("plan", PERCENT, "70", "usage at which to plan expansion (warns)"),
                        Field.withDefault("warn", PERCENT, "80", "usage at which the check warns"),
                        Field.withDefault("crit", PERCENT, "90", "usage at which the check is critical")), "{}",
                        "disk usage levels (the runbooks' 70/80/90%)"),
                ThresholdSpec.percent("inodes", 80, 90, "inodes in use, in %"),
                Field.withDefault("directories", ListSpec.of(ObjectSpec.of("a directory to measure",
                        Field.required("path", ABSOLUTE_PATH, "the directory"),
                        Field.optional("warn", new SizeSpec(), "size at which the check warns"),
                        Field.optional("crit", new SizeSpec(), "size at which the check is critical"))), "[]",
                        "directories whose size is measured (logs, backups, caches)"),
                Field.withDefault("resources", ObjectSpec.of("the cpu, memory and disk-io checks",
                        Field.withDefault("enabled", new dev.tend.config.spec.BooleanSpec(), "true", "false leaves the three checks out"),
                        Field.withDefault("interval", dev.tend.config.spec.DurationSpec.between(java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(30)),
                                "1s", "how long CPU and disk counters are sampled"),
                        ThresholdSpec.percent("cpu", 85, 95, "CPU busy, in %"),
                        ThresholdSpec.field("load", NumberSpec.decimal(0, 1000), "2", "4", "1-minute load average per core"),
                        ThresholdSpec.percent("memory", 85, 95, "memory used without the page cache, in %"),
                        ThresholdSpec.percent("swap", 50, 80, "swap used, in %"),
                        ThresholdSpec.percent("ioUtil", 80, 95, "a disk's utilisation (iostat's %util)")), "{}",
                        "CPU, memory and disk I/O checks (the runbooks' resource utilization)"));
    }

    @Override
    public Target bind(TargetBinding binding) {
        var fields = binding.fields();
        var disk = fields.object("disk");
        var levels = new HostTarget.DiskLevels(disk.number("plan"), disk.number("warn"), disk.number("crit"));
        if (!(levels.plan() <= levels.warn() && levels.warn() <= levels.crit())) {
            binding.problem("disk", "levels must rise: plan ≤ warn ≤ crit", "e.g. {plan: 70, warn: 80, crit: 90}");
        }
        var directories = new ArrayList<HostTarget.Directory>();
        for (Fields directory : fields.<Fields>list("directories")) {
            if (directories.stream().anyMatch(known -> known.path().equals(directory.<Path>value("path")))) {
                binding.problems().at(directory.nodeOf("path"), directory.pathOf("path"), "directory "
                        + directory.<Path>value("path") + " is listed twice", "list each directory once");
            }
            directories.add(new HostTarget.Directory(directory.<Path>value("path"), sizeLevels(directory, binding)));
        }
        List<Path> volumes = fields.list("volumes");
        var resources = fields.object("resources");
        var resourceLevels = resources.bool("enabled") ? Optional.of(new ResourceChecks.Levels(resources.duration("interval"),
                ThresholdSpec.read(resources, "cpu", true, binding.problems()), ThresholdSpec.read(resources, "load", true, binding.problems()),
                ThresholdSpec.read(resources, "memory", true, binding.problems()), ThresholdSpec.read(resources, "swap", true, binding.problems()),
                ThresholdSpec.read(resources, "ioUtil", true, binding.problems()))) : Optional.<ResourceChecks.Levels>empty();
        return new HostTarget(binding.settings(), volumes, levels,
                ThresholdSpec.read(fields, "inodes", true, binding.problems()), directories, resourceLevels);
    }

    private static Optional<Thresholds> sizeLevels(Fields directory, TargetBinding binding) {
        if (!directory.given("warn") && !directory.given("crit")) return Optional.empty();
        if (!directory.given("warn") || !directory.given("crit")) {
            binding.problems().at(directory.node(), directory.path(), "give both warn and crit, or neither", "e.g. {path: /var/log, warn: 5GB, crit: 10GB}");
            return Optional.empty();
        }
        var levels = new Thresholds(directory.whole("warn"), directory.whole("crit"));
        if (levels.warn() > levels.crit()) {
            binding.problems().at(directory.node(), directory.path(), "warn must be below crit", null);
        }
        return Optional.of(levels);
    }
}
