package dev.tend.action;

import dev.tend.backup.BackupTarget;
import dev.tend.backup.BackupsSection;
import dev.tend.config.TendConfig;
import dev.tend.logs.LogsSection;
import dev.tend.logs.LogsTarget;
import dev.tend.store.Database;
import dev.tend.target.Target;
import dev.tend.target.TargetsSection;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a check round looks at: the config's targets, its backups as backup:NAME, its checked
 * log sources as logs:NAME, each with the forecast checks of its growing quantities.
 */
public final class WatchedTargets {
    private WatchedTargets() {}

    public static List<Target> of(TendConfig config, Database store, java.time.Clock clock) {
        var all = new ArrayList<Target>(TargetsSection.of(config));
        BackupsSection.of(config).forEach(backup -> all.add(BackupTarget.of(backup, store)));
        LogsSection.of(config).stream().filter(LogsTarget::watched)
                .forEach(source -> all.add(LogsTarget.of(source, store, config.platform().timezone())));
        return new dev.tend.capacity.Forecasts(store, clock, dev.tend.capacity.CapacitySection.of(config)).withForecastChecks(all);
    }
}
