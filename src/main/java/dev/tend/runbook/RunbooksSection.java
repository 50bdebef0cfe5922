package dev.tend.runbook;

import dev.tend.action.ActionType;
import dev.tend.action.Actions;
import dev.tend.backup.BackupsSection;
import dev.tend.config.ConfigSection;
import dev.tend.config.SectionBinding;
import dev.tend.config.SectionKey;
import dev.tend.config.TendConfig;
import dev.tend.config.spec.Field;
import dev.tend.schedule.WindowsSection;
import dev.tend.target.TargetsSection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code runbooks:} maintenance procedures carried out as maintenance runs. */
public final class RunbooksSection implements ConfigSection<List<Runbook>> {
    public static final SectionKey<List<Runbook>> KEY = new SectionKey<>("runbooks");

    private final Actions actions;

    public RunbooksSection(Actions actions) {
        this.actions = actions;
    }

    public static List<Runbook> of(TendConfig config) {
        return config.list(KEY);
    }

    public static Optional<Runbook> named(TendConfig config, String name) {
        return config.named(KEY, Runbook::name, name);
    }

    @Override
    public SectionKey<List<Runbook>> key() {
        return KEY;
    }

    @Override
    public Field field() {
        return RunbookSpec.field();
    }

    @Override
    public List<String> after() {
        var after = new java.util.ArrayList<>(List.of(TargetsSection.KEY.name(), BackupsSection.KEY.name(), WindowsSection.KEY.name()));
        after.addAll(dev.tend.action.ActionType.Lookup.NAMED);
        return after;
    }

    @Override
    public List<Runbook> bind(SectionBinding binding) {
        // A runbook's own steps cannot start a runbook: no runbook names in its lookup.
        var lookup = ActionType.Lookup.of(actions, binding, Set.of());
        return RunbookSpec.bind(binding.entries(), lookup, binding.names(WindowsSection.KEY.name()), binding.problems());
    }

    @Override
    public Set<String> names(List<Runbook> runbooks) {
        return runbooks.stream().map(Runbook::name).collect(Collectors.toSet());
    }
}
