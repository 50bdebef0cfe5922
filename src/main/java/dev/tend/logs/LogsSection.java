package dev.tend.logs;

import dev.tend.config.ConfigSection;
import dev.tend.config.SectionBinding;
import dev.tend.config.SectionKey;
import dev.tend.config.TendConfig;
import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.EnumSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.StringSpec;
import dev.tend.logs.format.LogFormats;
import dev.tend.target.TargetsSection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code logs:} the log sources Tend reads: {@code {name, files | container, format, slowRequest, level, timeout}}. */
public final class LogsSection implements ConfigSection<List<LogSourceSettings>> {
    public static final SectionKey<List<LogSourceSettings>> KEY = new SectionKey<>("logs");

    public static List<LogSourceSettings> of(TendConfig config) {
        return config.list(KEY);
    }

    public static Optional<LogSourceSettings> named(TendConfig config, String name) {
        return config.named(KEY, LogSourceSettings::name, name);
    }

    @Override
    public SectionKey<List<LogSourceSettings>> key() {
        return KEY;
    }

    @Override
    public Field field() {
        var formats = Stream.concat(Stream.of("auto"), LogFormats.NAMES.stream()).toArray(String[]::new);
        return Field.withDefault("logs", ListSpec.of(ObjectSpec.of("a log source",
                Field.required("name", StringSpec.matching("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}", "letters, digits, '_', '.', '-'"),
                        "the source's name, used by tend logs analyze NAME"),
                Field.optional("files", ListSpec.nonEmpty(StringSpec.any()).withoutRepeats(),
                        "files or globs (\"/app/logs/*.log\"); rotated files beside them (.1, .2.gz, -20261130.gz) are read too, oldest first"),
                Field.optional("container", ObjectSpec.of("a container's logs through the Docker Engine API",
                        Field.required("target", StringSpec.any(), "a docker target: its engine"),
                        Field.required("name", StringSpec.any(), "the container's name")), "instead of files: a container's logs"),
                Field.withDefault("timeout", DurationSpec.between(Duration.ofSeconds(1), Duration.ofHours(1)), "60s",
                        "how long fetching a container's logs may take"),
                Field.optional("check", ObjectSpec.of("watch the source as target logs:NAME: each check reads what it gained since the last",
                        dev.tend.check.ThresholdSpec.field("errorsPerMinute", dev.tend.config.spec.NumberSpec.decimal(0, 1_000_000), "1", "10",
                                "error records per minute since the last check"),
                        Field.withDefault("newPatterns", EnumSpec.of("OK", "WARN", "CRIT"), "WARN", "what an error pattern never seen before counts as"),
                        Field.withDefault("memory", EnumSpec.of("OK", "WARN", "CRIT"), "CRIT", "what out-of-memory or an OOM kill counts as"),
                        dev.tend.check.ThresholdSpec.percent("slowRequests", 5, 20, "requests slower than slowRequest, in % of those read")),
                        "check: {} watches it with the default levels"),
                Field.optional("rotate", ObjectSpec.of("how tend logs rotate rotates the current files and keeps the rotated ones",
                        Field.optional("maxSize", new dev.tend.config.spec.SizeSpec(), "rotate a file that reached this size, e.g. 100MB"),
                        Field.optional("every", DurationSpec.between(Duration.ofMinutes(1), Duration.ofDays(366)), "rotate when the last rotation is this old, e.g. 1d"),
                        Field.withDefault("method", EnumSpec.of("rename", "copytruncate"), "rename",
                                "rename then tell the writer to reopen (reopen:), or copy then truncate for a writer that cannot"),
                        Field.optional("reopen", ObjectSpec.of("how the writer is told to reopen its file after a rename: pidFile or container",
                                Field.optional("pidFile", StringSpec.any(), "the writer's pid file, e.g. /run/nginx.pid"),
                                Field.optional("container", ObjectSpec.of("a container signalled through its engine",
                                        Field.required("target", StringSpec.any(), "a docker target: its engine"),
                                        Field.required("name", StringSpec.any(), "the container's name")), "the writer runs in this container"),
                                Field.withDefault("signal", EnumSpec.of("USR1", "HUP", "USR2"), "USR1", "the signal (nginx: USR1)")), "for method rename"),
                        Field.withDefault("dateext", new dev.tend.config.spec.BooleanSpec(), "false", "name rotated files NAME-YYYYMMDD instead of NAME.1"),
                        Field.optional("compressAfter", DurationSpec.between(Duration.ZERO, Duration.ofDays(3650)), "gzip rotated files older than this, e.g. 7d"),
                        Field.optional("deleteAfter", DurationSpec.between(Duration.ofMinutes(1), Duration.ofDays(3650)), "delete rotated files older than this, e.g. 30d"),
                        Field.withDefault("keep", dev.tend.config.spec.NumberSpec.whole(0, 10_000), "0", "keep at most this many rotated files (0: no limit)")),
                        "tend logs rotate SOURCE"),
                Field.withDefault("format", EnumSpec.of(formats), "auto", "the lines' format; auto detects it from the first lines"),
                Field.withDefault("slowRequest", DurationSpec.between(Duration.ofMillis(1), Duration.ofHours(1)), "1s",
                        "a request slower than this is slow (access logs, JSON logs with a duration)"),
                Field.withDefault("level", EnumSpec.of("warn", "error", "fatal"), "error", "the least level the error patterns report"))),
                "[]", "logs: [{name: app, files: [\"/app/logs/*.log\"]}]");
    }

    @Override
    public List<LogSourceSettings> bind(SectionBinding binding) {
        var sources = new ArrayList<LogSourceSettings>();
        var names = new HashSet<String>();
        var targets = binding.get(TargetsSection.KEY);
        for (Fields entry : binding.entries()) {
            if (entry == null || entry.string("name") == null) continue;
            if (entry.has("files") == entry.has("container")) {
                binding.problems().at(entry.node(), entry.path(), "a log source needs files or a container, not " + (entry.has("files") ? "both" : "neither"),
                        "e.g. files: [\"/app/logs/*.log\"] or container: {target: docker, name: app}");
                continue;
            }
            var container = entry.has("container") ? container(entry.object("container"), entry.pathOf("container"), targets, binding) : null;
            if (entry.has("container") && container == null) continue;
            RotateSettings rotate = null;
            if (entry.has("rotate")) {
                if (container != null) {
                    binding.problems().at(entry.nodeOf("rotate"), entry.pathOf("rotate"), "a container's logs are rotated by its log driver, not by Tend",
                            "set max-size and max-file in /etc/docker/daemon.json");
                    continue;
                }
                rotate = rotate(entry.object("rotate"), entry.pathOf("rotate"), targets, binding);
                if (rotate == null) continue;
            }
            LogCheckSettings check = null;
            if (entry.has("check")) {
                var fields = entry.object("check");
                check = new LogCheckSettings(dev.tend.check.ThresholdSpec.read(fields, "errorsPerMinute", true, binding.problems()),
                        dev.tend.check.Status.valueOf(fields.string("newPatterns")), dev.tend.check.Status.valueOf(fields.string("memory")),
                        dev.tend.check.ThresholdSpec.read(fields, "slowRequests", true, binding.problems()));
            }
            var name = entry.string("name");
            if (!names.add(name)) {
                binding.problems().at(entry.nodeOf("name"), entry.pathOf("name"), "duplicate log source '" + name + "'", null);
                continue;
            }
            List<String> patterns = entry.has("files") ? entry.list("files") : List.of();
            var files = patterns.stream().filter(java.util.Objects::nonNull).map(pattern -> binding.baseDirectory().resolve(pattern).toString()).toList();
            var format = Optional.ofNullable(entry.string("format")).filter(value -> !value.equals("auto"));
            sources.add(new LogSourceSettings(name, files, Optional.ofNullable(container), format, entry.duration("slowRequest"),
                    LogLevel.valueOf(entry.string("level").toUpperCase(Locale.ROOT)), entry.duration("timeout"), Optional.ofNullable(check), Optional.ofNullable(rotate)));
        }
        return List.copyOf(sources);
    }

    private static RotateSettings rotate(Fields fields, String path, TargetsSection.Targets targets, SectionBinding binding) {
        var method = RotateSettings.Method.valueOf(fields.string("method").toUpperCase(Locale.ROOT));
        if (!fields.has("maxSize") && !fields.has("every")) {
            binding.problems().at(fields.node(), path, "say when to rotate: maxSize, every, or both", "e.g. rotate: {maxSize: 100MB, every: 1d, reopen: {pidFile: /run/nginx.pid}}");
            return null;
        }
        if (method == RotateSettings.Method.RENAME && !fields.has("reopen")) {
            binding.problems().at(fields.node(), path, "a renamed file stays the writer's until it reopens: give reopen: {pidFile, signal}, or method: copytruncate",
                    "nginx: reopen: {pidFile: /run/nginx.pid, signal: USR1}");
            return null;
        }
        var reopen = fields.has("reopen") ? fields.object("reopen") : null;
        LogSourceSettings.Container container = null;
        if (reopen != null) {
            if (reopen.has("pidFile") == reopen.has("container")) {
                binding.problems().at(reopen.node(), fields.pathOf("reopen"), "reopen needs a pidFile or a container, not " + (reopen.has("pidFile") ? "both" : "neither"),
                        "reopen: {pidFile: /run/nginx.pid} or reopen: {container: {target: docker, name: nginx}}");
                return null;
            }
            if (reopen.has("container")) {
                container = container(reopen.object("container"), reopen.pathOf("container"), targets, binding);
                if (container == null) return null;
            }
        }
        return new RotateSettings(Optional.ofNullable(fields.<Long>value("maxSize")), fields.has("every") ? Optional.of(fields.duration("every")) : Optional.empty(),
                (int) fields.whole("keep"), fields.has("compressAfter") ? Optional.of(fields.duration("compressAfter")) : Optional.empty(),
                fields.has("deleteAfter") ? Optional.of(fields.duration("deleteAfter")) : Optional.empty(), fields.bool("dateext"), method,
                reopen == null || !reopen.has("pidFile") ? Optional.empty() : Optional.of(binding.baseDirectory().resolve(reopen.string("pidFile"))),
                Optional.ofNullable(container), reopen == null ? "USR1" : reopen.string("signal"));
    }

    private static LogSourceSettings.Container container(Fields fields, String path, dev.tend.target.TargetsSection.Targets targets, SectionBinding binding) {
        if (fields == null || fields.string("target") == null || fields.string("name") == null) return null;
        var name = fields.string("target");
        var target = targets.all().stream().filter(candidate -> candidate.name().equals(name)).findFirst();
        if (target.isEmpty() && targets.unbuilt().contains(name)) return null; // its own problems are reported already
        if (target.isEmpty()) {
            binding.problems().at(fields.nodeOf("target"), fields.pathOf("target"), "no target named '" + name + "'",
                    dev.tend.config.spec.Suggestions.didYouMean(name, targets.all().stream().map(dev.tend.target.Target::name).toList()));
            return null;
        }
        if (!(target.get() instanceof dev.tend.docker.DockerTarget docker)) {
            binding.problems().at(fields.nodeOf("target"), fields.pathOf("target"), "'" + name + "' is a " + target.get().settings().type()
                    + " target; a container's logs come from a docker target", null);
            return null;
        }
        return new LogSourceSettings.Container(name, docker.socket(), fields.string("name"));
    }

    @Override
    public List<String> after() {
        return List.of(TargetsSection.KEY.name());
    }

    @Override
    public Set<String> names(List<LogSourceSettings> sources) {
        return sources.stream().map(LogSourceSettings::name).collect(Collectors.toSet());
    }
}
