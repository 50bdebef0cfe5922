package dev.tend.backup;

import dev.tend.backup.BackupSettings.DumpFormat;
import dev.tend.check.ThresholdSpec;
import dev.tend.check.Thresholds;
import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.EnumSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.NumberSpec;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.PathSpec;
import dev.tend.config.spec.Problems;
import dev.tend.config.spec.StringSpec;
import dev.tend.config.spec.Suggestions;
import dev.tend.postgres.PostgresTarget;
import dev.tend.redis.RedisTarget;
import dev.tend.storage.S3Target;
import dev.tend.target.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The {@code backups:} section: its shape, and binding its entries to the targets they name. */
public final class BackupSpec {
    private static final Duration MAX = Duration.ofDays(3660);

    private BackupSpec() {}

    public static Field field() {
        return Field.optional("backups", ListSpec.of(ObjectSpec.of("one backup: what, where, how long, how verified",
                Field.required("name", StringSpec.matching("[A-Za-z0-9][A-Za-z0-9_.-]{0,40}",
                        "letters, digits, '_', '.', '-'; at most 41 characters"), "the backup's name, used on the command line and in paths"),
                Field.required("target", StringSpec.any(), "the postgres or redis target to back up"),
                Field.required("destination", StringSpec.any(), "a directory (absolute, or relative to this file) or s3://BUCKET/PREFIX"),
                Field.optional("s3", StringSpec.any(), "the s3 target whose endpoint and credentials an s3:// destination uses"),
                Field.withDefault("format", EnumSpec.of("custom", "directory"), "custom",
                        "pg_dump format: custom (one file) or directory (parallel dump with jobs)"),
                Field.withDefault("jobs", NumberSpec.whole(1, 64), "1", "parallel jobs for a directory-format dump and for pg_restore"),
                Field.withDefault("rowCounts", EnumSpec.of("exact", "estimate"), "exact",
                        "per-table row counts in the manifest: exact (count(*) in the dump's own snapshot) or estimate (statistics)"),
                Field.withDefault("retention", ObjectSpec.of("grandfather-father-son retention",
                        Field.withDefault("daily", DurationSpec.between(Duration.ofDays(1), MAX), "30d", "keep every backup this long"),
                        Field.withDefault("weekly", DurationSpec.between(Duration.ofDays(1), MAX), "90d", "keep the newest backup of each week this long"),
                        Field.optional("monthly", DurationSpec.between(Duration.ofDays(1), MAX), "keep the newest backup of each month this long")),
                        "{}", "retention: {daily: 30d, weekly: 90d}"),
                Field.withDefault("verify", ObjectSpec.of("how a restore is proven",
                        Field.withDefault("queries", ListSpec.of(StringSpec.any()), "[]",
                                "integrity queries run on the restored copy; one fails if it errors or returns false"),
                        Field.optional("on", StringSpec.any(), "a postgres target whose server receives scratch restores (default: the backed-up server)")),
                        "{}", "verify: {queries: [\"SELECT count(*) FROM datasets.catalog\"]}"),
                Field.withDefault("timeout", DurationSpec.between(Duration.ofSeconds(1), Duration.ofDays(7)), "6h",
                        "the longest a dump or restore may take; it is stopped after that"),
                Field.optional("binDirectory", new PathSpec(true), "where pg_dump and pg_restore are (default: the PATH)"),
                ThresholdSpec.field("freshness", DurationSpec.between(Duration.ofMinutes(1), MAX), "26h", "50h",
                        "age of the newest complete backup at which the freshness check warns / is critical"),
                ThresholdSpec.field("verification", DurationSpec.between(Duration.ofMinutes(1), MAX), "26h", "8d",
                        "age of the last verification at which the verification check warns / is critical"))),
                "backups Tend makes, verifies by restoring them, and prunes");
    }

    /** Binds the entries read from {@code backups:}; problems are reported against their keys. */
    public static List<BackupSettings> bind(List<Fields> entries, Map<String, Target> targets, java.util.Set<String> unbuiltTargets,
            Path baseDirectory, Problems problems) {
        // A target that did not build has its own error; naming it here is not a second one.
        var reachable = new java.util.HashMap<String, Target>(targets);
        unbuiltTargets.forEach(name -> reachable.putIfAbsent(name, null));
        var backups = new ArrayList<BackupSettings>();
        var names = new HashSet<String>();
        for (var fields : entries) {
            if (fields == null || fields.string("name") == null) continue;
            if (!names.add(fields.string("name"))) {
                problems.at(fields.nodeOf("name"), fields.pathOf("name"), "duplicate backup name '" + fields.string("name") + "'",
                        "backup names must be unique");
                continue;
            }
            var backup = bindOne(fields, reachable, baseDirectory, problems);
            if (backup != null) backups.add(backup);
        }
        return backups;
    }

    private static BackupSettings bindOne(Fields fields, Map<String, Target> targets, Path baseDirectory, Problems problems) {
        if (!readable(fields)) return null; // a value was unreadable: its problem is reported already
        var target = reference(fields, "target", targets, problems, Target.class, "a postgres or redis");
        if (target != null && !(target instanceof PostgresTarget) && !(target instanceof RedisTarget)) {
            problems.at(fields.nodeOf("target"), fields.pathOf("target"), "'" + target.name() + "' is a " + target.settings().type()
                    + " target; backups are of postgres or redis targets", null);
            target = null;
        }
        var location = location(fields, targets, baseDirectory, problems);
        var verify = fields.object("verify");
        var verifyOn = verify.has("on")
                ? reference(verify, "on", targets, problems, PostgresTarget.class, "a postgres") : null;
        if (target == null || location == null || (verify.has("on") && verifyOn == null)) return null;
        var retention = fields.object("retention");
        if (retention.duration("weekly").compareTo(retention.duration("daily")) < 0) {
            problems.at(retention.nodeOf("weekly"), retention.pathOf("weekly"), "weekly retention is shorter than daily",
                    "weekly backups are kept at least as long as daily ones");
        }
        return new BackupSettings(fields.string("name"), target, location,
                DumpFormat.valueOf(fields.string("format").toUpperCase(Locale.ROOT)), (int) fields.whole("jobs"),
                fields.string("rowCounts").equals("exact"),
                new RetentionPolicy(retention.duration("daily"), retention.duration("weekly"),
                        retention.has("monthly") ? Optional.of(retention.duration("monthly")) : Optional.empty()),
                verify.<String>list("queries").stream().filter(Objects::nonNull).toList(),
                Optional.ofNullable((PostgresTarget) verifyOn), fields.duration("timeout"),
                Optional.ofNullable(fields.<Path>value("binDirectory")),
                ageLevels(fields, "freshness", problems), ageLevels(fields, "verification", problems));
    }

    private static boolean readable(Fields fields) {
        for (var key : List.of("target", "destination", "format", "jobs", "rowCounts", "timeout")) {
            if (!fields.has(key)) return false;
        }
        for (var nested : List.of("retention.daily", "retention.weekly", "verify.queries", "freshness.warn", "freshness.crit",
                "verification.warn", "verification.crit")) {
            var parts = nested.split("\\.");
            if (!fields.has(parts[0]) || fields.object(parts[0]) == null || !fields.object(parts[0]).has(parts[1])) return false;
        }
        return true;
    }

    /** Duration levels as seconds; warn must come before crit. */
    private static Thresholds ageLevels(Fields fields, String key, Problems problems) {
        var levels = fields.object(key);
        var thresholds = new Thresholds(levels.duration("warn").toSeconds(), levels.duration("crit").toSeconds());
        if (thresholds.warn() > thresholds.crit()) {
            problems.at(levels.node(), fields.pathOf(key), "warn must be below crit", "e.g. {warn: 26h, crit: 50h}");
        }
        return thresholds;
    }

    private static BackupLocation location(Fields fields, Map<String, Target> targets, Path baseDirectory, Problems problems) {
        var destination = fields.string("destination");
        if (!destination.startsWith("s3://")) {
            if (fields.has("s3")) {
                problems.at(fields.nodeOf("s3"), fields.pathOf("s3"), "s3 is only used with an s3:// destination", null);
            }
            try {
                return new BackupLocation.Local(baseDirectory.resolve(destination).normalize());
            } catch (java.nio.file.InvalidPathException e) {
                problems.at(fields.nodeOf("destination"), fields.pathOf("destination"), "not a usable path: " + e.getReason(), null);
                return null;
            }
        }
        var rest = destination.substring("s3://".length());
        int slash = rest.indexOf('/');
        var bucket = slash < 0 ? rest : rest.substring(0, slash);
        var prefix = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("/+$", "");
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            problems.at(fields.nodeOf("destination"), fields.pathOf("destination"), "'" + bucket + "' is not a valid bucket name",
                    "write s3://BUCKET/PREFIX; bucket names are 3-63 lower-case letters, digits, '.' and '-'");
            return null;
        }
        if (!fields.has("s3")) {
            problems.at(fields.nodeOf("destination"), fields.pathOf("destination"), "an s3:// destination needs s3: <an s3 target>",
                    "the s3 target supplies the endpoint and the credentials");
            return null;
        }
        var s3 = reference(fields, "s3", targets, problems, S3Target.class, "an s3");
        return s3 == null ? null : new BackupLocation.S3(s3, bucket, prefix);
    }

    private static <T> T reference(Fields fields, String key, Map<String, Target> targets, Problems problems, Class<T> type, String what) {
        var name = fields.string(key);
        var target = targets.get(name);
        if (target == null && targets.containsKey(name)) return null;
        if (target == null) {
            problems.at(fields.nodeOf(key), fields.pathOf(key), "no target named '" + name + "'",
                    Suggestions.didYouMean(name, targets.keySet()));
            return null;
        }
        if (!type.isInstance(target)) {
            problems.at(fields.nodeOf(key), fields.pathOf(key), "'" + name + "' is a " + target.settings().type() + " target; "
                    + key + " needs " + what + " target", null);
            return null;
        }
        return type.cast(target);
    }
}
