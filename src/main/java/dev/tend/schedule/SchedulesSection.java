package dev.tend.schedule;

import dev.tend.action.ActionType;
import dev.tend.action.Actions;
import dev.tend.backup.BackupsSection;
import dev.tend.config.ConfigSection;
import dev.tend.config.SectionBinding;
import dev.tend.config.SectionKey;
import dev.tend.config.TendConfig;
import dev.tend.config.spec.Field;
import dev.tend.target.TargetsSection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code schedules:} what tend serve runs unattended, and when. */
public final class SchedulesSection implements ConfigSection<List<ScheduleSettings>> {
    public static final SectionKey<List<ScheduleSettings>> KEY = new SectionKey<>("schedules");
    /** Schedules may start runbooks; runbooks are another feature's section, known here by name. */
    private static final String RUNBOOKS = "runbooks";

    private final Actions actions;

    public SchedulesSection(Actions actions) {
        this.actions = actions;
    }

    public static List<ScheduleSettings> of(TendConfig config) {
        return config.list(KEY);
    }

    @Override
    public SectionKey<List<ScheduleSettings>> key() {
        return KEY;
    }

    @Override
    public Field field() {
        return ScheduleSpec.field();
    }

    @Override
    public List<String> after() {
        var after = new java.util.ArrayList<>(List.of(TargetsSection.KEY.name(), BackupsSection.KEY.name(), WindowsSection.KEY.name(), RUNBOOKS));
        after.addAll(dev.tend.action.ActionType.Lookup.NAMED);
        return after;
    }

    @Override
    public List<ScheduleSettings> bind(SectionBinding binding) {
        var lookup = ActionType.Lookup.of(actions, binding, binding.names(RUNBOOKS));
        var windows = binding.get(WindowsSection.KEY);
        return ScheduleSpec.bind(binding.entries(), binding.zone(), lookup, windows == null ? List.of() : windows, binding.problems());
    }

    @Override
    public Set<String> names(List<ScheduleSettings> schedules) {
        return schedules.stream().map(ScheduleSettings::name).collect(Collectors.toSet());
    }
}
