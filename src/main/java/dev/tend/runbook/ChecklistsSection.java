package dev.tend.runbook;

import dev.tend.backup.BackupsSection;
import dev.tend.config.ConfigSection;
import dev.tend.config.SectionBinding;
import dev.tend.config.SectionKey;
import dev.tend.config.TendConfig;
import dev.tend.config.spec.Field;
import dev.tend.schedule.SchedulesSection;
import dev.tend.schedule.WindowsSection;
import dev.tend.target.TargetsSection;
import java.util.List;
import java.util.Optional;

/** {@code checklists:} the runbooks' checklists, ticked by evidence or signed by a person in the role. */
public final class ChecklistsSection implements ConfigSection<List<ChecklistSettings>> {
    public static final SectionKey<List<ChecklistSettings>> KEY = new SectionKey<>("checklists");

    public static List<ChecklistSettings> of(TendConfig config) {
        return config.list(KEY);
    }

    public static Optional<ChecklistSettings> named(TendConfig config, String name) {
        return config.named(KEY, ChecklistSettings::name, name);
    }

    @Override
    public SectionKey<List<ChecklistSettings>> key() {
        return KEY;
    }

    @Override
    public Field field() {
        return ChecklistSpec.checklists();
    }

    @Override
    public List<String> after() {
        return List.of(TargetsSection.KEY.name(), BackupsSection.KEY.name(), SchedulesSection.KEY.name(), WindowsSection.KEY.name(),
                dev.tend.logs.LogsSection.KEY.name(), dev.tend.audit.RotationsSection.KEY.name());
    }

    @Override
    public List<ChecklistSettings> bind(SectionBinding binding) {
        // Checked log sources are targets too (logs:NAME): "check error logs" is ticked by their checks.
        var targets = new java.util.HashSet<>(binding.names(TargetsSection.KEY.name()));
        var logs = binding.get(dev.tend.logs.LogsSection.KEY);
        if (logs != null) logs.stream().filter(dev.tend.logs.LogsTarget::watched).forEach(source -> targets.add("logs:" + source.name()));
        var known = new ChecklistSpec.Known(targets, binding.names(BackupsSection.KEY.name()),
                binding.names(SchedulesSection.KEY.name()), binding.names(WindowsSection.KEY.name()), rotations(binding));
        return ChecklistSpec.bind(binding.entries(), known, binding.problems());
    }

    /** Each rotation's name and the schedule whose success counts as one. */
    private static java.util.Map<String, java.util.Optional<String>> rotations(SectionBinding binding) {
        var rotations = binding.get(dev.tend.audit.RotationsSection.KEY);
        var byName = new java.util.HashMap<String, java.util.Optional<String>>();
        if (rotations != null) rotations.forEach(rotation -> byName.put(rotation.name(), rotation.schedule()));
        return byName;
    }
}
