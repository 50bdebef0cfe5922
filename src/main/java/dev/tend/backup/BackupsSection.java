package dev.tend.backup;

import dev.tend.config.ConfigSection;
import dev.tend.config.SectionBinding;
import dev.tend.config.SectionKey;
import dev.tend.config.TendConfig;
import dev.tend.config.spec.Field;
import dev.tend.target.Target;
import dev.tend.target.TargetsSection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code backups:} what Tend backs up, where to, how it verifies and how long it keeps them. */
public final class BackupsSection implements ConfigSection<List<BackupSettings>> {
    public static final SectionKey<List<BackupSettings>> KEY = new SectionKey<>("backups");

    public static List<BackupSettings> of(TendConfig config) {
        return config.list(KEY);
    }

    public static Optional<BackupSettings> named(TendConfig config, String name) {
        return config.named(KEY, BackupSettings::name, name);
    }

    @Override
    public SectionKey<List<BackupSettings>> key() {
        return KEY;
    }

    @Override
    public Field field() {
        return BackupSpec.field();
    }

    @Override
    public List<String> after() {
        return List.of(TargetsSection.KEY.name());
    }

    @Override
    public List<BackupSettings> bind(SectionBinding binding) {
        var targets = binding.get(TargetsSection.KEY);
        var byName = new LinkedHashMap<String, Target>();
        targets.all().forEach(target -> byName.putIfAbsent(target.name(), target));
        return BackupSpec.bind(binding.entries(), byName, targets.unbuilt(), binding.baseDirectory(), binding.problems());
    }

    @Override
    public Set<String> names(List<BackupSettings> backups) {
        return backups.stream().map(BackupSettings::name).collect(Collectors.toSet());
    }
}
