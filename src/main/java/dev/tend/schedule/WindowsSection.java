package dev.tend.schedule;

import dev.tend.config.ConfigSection;
import dev.tend.config.SectionBinding;
import dev.tend.config.SectionKey;
import dev.tend.config.TendConfig;
import dev.tend.config.spec.Field;
import dev.tend.target.TargetsSection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code windows:} the maintenance windows that gate disruptive work. */
public final class WindowsSection implements ConfigSection<List<MaintenanceWindow>> {
    public static final SectionKey<List<MaintenanceWindow>> KEY = new SectionKey<>("windows");

    public static List<MaintenanceWindow> of(TendConfig config) {
        return config.list(KEY);
    }

    /** The windows as the calendar disruptive work asks. */
    public static MaintenanceCalendar calendar(TendConfig config) {
        return new MaintenanceCalendar(of(config));
    }

    @Override
    public SectionKey<List<MaintenanceWindow>> key() {
        return KEY;
    }

    @Override
    public Field field() {
        return WindowSpec.field();
    }

    @Override
    public List<String> after() {
        return List.of(TargetsSection.KEY.name());
    }

    @Override
    public List<MaintenanceWindow> bind(SectionBinding binding) {
        return WindowSpec.bind(binding.entries(), binding.zone(), binding.names(TargetsSection.KEY.name()), binding.problems());
    }

    @Override
    public Set<String> names(List<MaintenanceWindow> windows) {
        return windows.stream().map(MaintenanceWindow::name).collect(Collectors.toSet());
    }
}
