package dev.tend.config;

import dev.tend.backup.BackupSettings;
import dev.tend.backup.BackupSpec;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.Problems;
import dev.tend.runbook.ChecklistSettings;
import dev.tend.runbook.ChecklistSpec;
import dev.tend.runbook.Person;
import dev.tend.runbook.Runbook;
import dev.tend.runbook.RunbookSpec;
import dev.tend.schedule.MaintenanceWindow;
import dev.tend.schedule.ScheduleSettings;
import dev.tend.schedule.ScheduleSpec;
import dev.tend.schedule.WindowSpec;
import dev.tend.schedule.action.ActionType;
import dev.tend.target.Target;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sections that refer to targets and to each other, bound in the order their references
 * need: backups (targets), windows (targets), runbooks (actions on targets and backups, windows),
 * schedules (actions, which may start runbooks; windows), people, checklists (evidence from all).
 */
record Sections(List<BackupSettings> backups, List<MaintenanceWindow> windows, List<Runbook> runbooks, List<ScheduleSettings> schedules,
        List<Person> people, List<ChecklistSettings> checklists) {

    static Sections bind(Fields fields, List<Target> targets, Set<String> unbuilt, ZoneId zone, Path baseDirectory, Problems problems) {
        var targetsByName = new LinkedHashMap<String, Target>();
        targets.forEach(target -> targetsByName.putIfAbsent(target.name(), target));
        var targetNames = new HashSet<String>(targetsByName.keySet());
        targetNames.addAll(unbuilt);
        var backups = BackupSpec.bind(entries(fields, "backups"), targetsByName, unbuilt, baseDirectory, problems);
        var windows = WindowSpec.bind(entries(fields, "windows"), zone, targetNames, problems);
        var windowNames = names(windows, MaintenanceWindow::name);
        var backupsByName = new LinkedHashMap<String, BackupSettings>();
        backups.forEach(backup -> backupsByName.put(backup.name(), backup));
        var runbooks = RunbookSpec.bind(entries(fields, "runbooks"), new ActionType.Lookup(targetsByName, backupsByName), windowNames, problems);
        var runbooksByName = new LinkedHashMap<String, Runbook>();
        runbooks.forEach(runbook -> runbooksByName.put(runbook.name(), runbook));
        var schedules = ScheduleSpec.bind(entries(fields, "schedules"), zone, new ActionType.Lookup(targetsByName, backupsByName, runbooksByName),
                windows, problems);
        var people = ChecklistSpec.bindPeople(entries(fields, "people"), problems);
        var known = new ChecklistSpec.Known(targetNames, backupsByName.keySet(), names(schedules, ScheduleSettings::name), windowNames);
        var checklists = ChecklistSpec.bind(entries(fields, "checklists"), known, problems);
        return new Sections(backups, windows, runbooks, schedules, people, checklists);
    }

    private static List<Fields> entries(Fields fields, String key) {
        return fields.has(key) ? fields.list(key) : List.of();
    }

    private static <T> Set<String> names(List<T> items, Function<T, String> name) {
        return items.stream().map(name).collect(Collectors.toSet());
    }
}
