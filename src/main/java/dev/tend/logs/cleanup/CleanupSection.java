package dev.tend.logs.cleanup;

import dev.tend.config.ConfigSection;
import dev.tend.config.SectionBinding;
import dev.tend.config.SectionKey;
import dev.tend.config.TendConfig;
import dev.tend.config.spec.BooleanSpec;
import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.EnumSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.NumberSpec;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.StringSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code cleanup:} retention for the directories the runbooks clean by hand: {@code {name, path, match, olderThan, action, minKeep, directories}}. */
public final class CleanupSection implements ConfigSection<List<CleanupRule>> {
    public static final SectionKey<List<CleanupRule>> KEY = new SectionKey<>("cleanup");

    public static List<CleanupRule> of(TendConfig config) {
        return config.list(KEY);
    }

    public static Optional<CleanupRule> named(TendConfig config, String name) {
        return config.named(KEY, CleanupRule::name, name);
    }

    @Override
    public SectionKey<List<CleanupRule>> key() {
        return KEY;
    }

    @Override
    public Field field() {
        return Field.withDefault("cleanup", ListSpec.of(ObjectSpec.of("a retention rule for a directory",
                Field.required("name", StringSpec.matching("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}", "letters, digits, '_', '.', '-'"), "its name: tend cleanup NAME"),
                Field.required("path", StringSpec.any(), "the directory (absolute; never /); entries are looked for under it, symlinks never followed"),
                Field.withDefault("match", StringSpec.any(), "\"*\"", "a glob on the entry's name: \"*.log\", \"checkpoint_*\""),
                Field.required("olderThan", DurationSpec.between(Duration.ofMinutes(1), Duration.ofDays(36500)), "last written more than this long ago"),
                Field.withDefault("action", EnumSpec.of("delete", "compress"), "delete", "delete, or compress with gzip (readable by zcat)"),
                Field.withDefault("minKeep", NumberSpec.whole(0, 1_000_000), "0", "the newest this many matching entries always stay"),
                Field.withDefault("directories", new BooleanSpec(), "false",
                        "match directories directly under path, as units, instead of files at any depth"))),
                "[]", "cleanup: [{name: tmp, path: /tmp, olderThan: 7d}]");
    }

    @Override
    public List<CleanupRule> bind(SectionBinding binding) {
        var rules = new ArrayList<CleanupRule>();
        var names = new HashSet<String>();
        for (Fields entry : binding.entries()) {
            if (entry == null || entry.string("name") == null || entry.string("path") == null || !entry.has("olderThan")) continue;
            if (!names.add(entry.string("name"))) {
                binding.problems().at(entry.nodeOf("name"), entry.pathOf("name"), "duplicate cleanup rule '" + entry.string("name") + "'", null);
                continue;
            }
            var path = Path.of(entry.string("path"));
            if (!path.isAbsolute()) {
                binding.problems().at(entry.nodeOf("path"), entry.pathOf("path"), "the path must be absolute: " + path, "e.g. /app/cache");
                continue;
            }
            if (path.normalize().getNameCount() == 0) {
                binding.problems().at(entry.nodeOf("path"), entry.pathOf("path"), "refusing to clean up /", "name the directory to clean, e.g. /tmp");
                continue;
            }
            var action = CleanupRule.Action.valueOf(entry.string("action").toUpperCase(Locale.ROOT));
            if (action == CleanupRule.Action.COMPRESS && entry.bool("directories")) {
                binding.problems().at(entry.nodeOf("action"), entry.pathOf("action"), "directories can be deleted, not compressed", null);
                continue;
            }
            rules.add(new CleanupRule(entry.string("name"), path.normalize(), entry.string("match"), entry.duration("olderThan"), action,
                    (int) entry.whole("minKeep"), entry.bool("directories")));
        }
        return List.copyOf(rules);
    }

    @Override
    public Set<String> names(List<CleanupRule> rules) {
        return rules.stream().map(CleanupRule::name).collect(Collectors.toSet());
    }
}
