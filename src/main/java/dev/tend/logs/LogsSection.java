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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code logs:} the log sources Tend reads: {@code {name, files, format, slowRequest, level}}. */
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
                Field.required("files", ListSpec.nonEmpty(StringSpec.any()).withoutRepeats(),
                        "files or globs (\"/app/logs/*.log\"); rotated files beside them (.1, .2.gz, -20261130.gz) are read too, oldest first"),
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
        for (Fields entry : binding.entries()) {
            if (entry == null || entry.string("name") == null || !entry.has("files")) continue;
            var name = entry.string("name");
            if (!names.add(name)) {
                binding.problems().at(entry.nodeOf("name"), entry.pathOf("name"), "duplicate log source '" + name + "'", null);
                continue;
            }
            List<String> patterns = entry.list("files");
            var files = patterns.stream().filter(java.util.Objects::nonNull).map(pattern -> binding.baseDirectory().resolve(pattern).toString()).toList();
            var format = Optional.ofNullable(entry.string("format")).filter(value -> !value.equals("auto"));
            sources.add(new LogSourceSettings(name, files, format, entry.duration("slowRequest"),
                    LogLevel.valueOf(entry.string("level").toUpperCase(Locale.ROOT))));
        }
        return List.copyOf(sources);
    }

    @Override
    public Set<String> names(List<LogSourceSettings> sources) {
        return sources.stream().map(LogSourceSettings::name).collect(Collectors.toSet());
    }
}
