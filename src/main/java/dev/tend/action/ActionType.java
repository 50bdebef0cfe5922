package dev.tend.action;

import dev.tend.backup.BackupSettings;
import dev.tend.backup.BackupsSection;
import dev.tend.config.SectionBinding;
import dev.tend.target.Target;
import dev.tend.target.TargetsSection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One kind of action: its names (as written after run:) and how its arguments are read. */
public interface ActionType {

    List<String> names();

    /** "backup.create BACKUP", for error hints. */
    String usage(String name);

    /** Builds the action or throws IllegalArgumentException saying what is wrong with the arguments. */
    Action parse(String name, List<String> arguments, Lookup lookup);

    /**
     * What an action may refer to: targets and backups as they are bound, runbooks by name only (a
     * runbook action finds its runbook in the configuration when it runs, so actions need not know
     * the runbook package that uses them).
     */
    record Lookup(Actions actions, Map<String, Target> targets, Map<String, BackupSettings> backups, Set<String> runbooks, Map<String, Set<String>> named) {

        /** The sections besides targets and backups whose names actions refer to: log sources and cleanup rules. */
        public static final List<String> NAMED = List.of(dev.tend.logs.LogsSection.KEY.name(), dev.tend.logs.cleanup.CleanupSection.KEY.name(),
                Lookup.MAINTENANCE_MODE);

        /**
         * The maintenanceMode: section, by its key alone (the feature uses actions, not the other way
         * round): it offers the name "on" when configured, and templates then turn it on around their
         * disruptive steps.
         */
        public static final String MAINTENANCE_MODE = "maintenanceMode";

        /** Log sources with check: and with rotate:, by name. */
        public static final String CHECKED_LOGS = "logs:checked";
        public static final String ROTATED_LOGS = "logs:rotated";

        /** Before runbooks are known (their own steps cannot start a runbook). */
        public Lookup(Actions actions, Map<String, Target> targets, Map<String, BackupSettings> backups) {
            this(actions, targets, backups, Set.of(), Map.of());
        }

        /** The names a section offers ("logs", "cleanup"); none when it was not bound before. */
        public Set<String> names(String section) {
            return named.getOrDefault(section, Set.of());
        }

        /** What a section binding its actions may refer to: the targets and backups bound before it, and these runbooks. */
        public static Lookup of(Actions actions, SectionBinding binding, Set<String> runbooks) {
            var targets = new LinkedHashMap<String, Target>();
            binding.get(TargetsSection.KEY).all().forEach(target -> targets.putIfAbsent(target.name(), target));
            var backups = new LinkedHashMap<String, BackupSettings>();
            var bound = binding.get(BackupsSection.KEY);
            if (bound != null) bound.forEach(backup -> backups.put(backup.name(), backup));
            var named = new java.util.HashMap<String, Set<String>>();
            for (var section : NAMED) named.put(section, binding.names(section));
            var logs = binding.get(dev.tend.logs.LogsSection.KEY);
            if (logs != null) putLogNames(named, logs);
            return new Lookup(actions, targets, backups, runbooks, named);
        }

        /** What a loaded configuration offers (tend run): every target, backup, log source and cleanup rule, and these runbooks. */
        public static Lookup of(Actions actions, dev.tend.config.TendConfig config, Set<String> runbooks) {
            var targets = new LinkedHashMap<String, Target>();
            TargetsSection.of(config).forEach(target -> targets.putIfAbsent(target.name(), target));
            var backups = new LinkedHashMap<String, BackupSettings>();
            BackupsSection.of(config).forEach(backup -> backups.put(backup.name(), backup));
            var logs = config.list(dev.tend.logs.LogsSection.KEY);
            var named = new java.util.HashMap<String, Set<String>>();
            named.put(dev.tend.logs.LogsSection.KEY.name(), names(logs.stream().map(dev.tend.logs.LogSourceSettings::name)));
            named.put(dev.tend.logs.cleanup.CleanupSection.KEY.name(),
                    names(config.list(dev.tend.logs.cleanup.CleanupSection.KEY).stream().map(dev.tend.logs.cleanup.CleanupRule::name)));
            putLogNames(named, logs);
            if (config.sections().get(MAINTENANCE_MODE) != null) named.put(MAINTENANCE_MODE, Set.of("on"));
            return new Lookup(actions, targets, backups, runbooks, named);
        }

        /** Which log sources are watched (logs:NAME targets) and rotated: templates automate their steps with them. */
        private static void putLogNames(Map<String, Set<String>> named, List<dev.tend.logs.LogSourceSettings> logs) {
            named.put(CHECKED_LOGS, names(logs.stream().filter(source -> source.check().isPresent()).map(dev.tend.logs.LogSourceSettings::name)));
            named.put(ROTATED_LOGS, names(logs.stream().filter(source -> source.rotate().isPresent()).map(dev.tend.logs.LogSourceSettings::name)));
        }

        private static Set<String> names(java.util.stream.Stream<String> names) {
            return names.collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }

        /** Parses "backup.create db" against what is known; IllegalArgumentException with the usage when it does not fit. */
        public Action parse(String text) {
            return actions.parse(text, this);
        }
    }
}
