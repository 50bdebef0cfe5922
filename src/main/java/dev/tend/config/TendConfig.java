package dev.tend.config;

import dev.tend.backup.BackupSettings;
import dev.tend.runbook.ChecklistSettings;
import dev.tend.runbook.Person;
import dev.tend.runbook.Runbook;
import dev.tend.schedule.MaintenanceCalendar;
import dev.tend.schedule.MaintenanceWindow;
import dev.tend.schedule.ScheduleSettings;
import dev.tend.schedule.ServeSettings;
import dev.tend.target.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A loaded, validated tend.yaml. Secrets inside are resolved but only reachable via {@link Secret}. */
public record TendConfig(
        Path source, PlatformSettings platform, List<Target> targets, List<BackupSettings> backups,
        List<MaintenanceWindow> windows, List<ScheduleSettings> schedules, ServeSettings serve, List<Person> people,
        List<ChecklistSettings> checklists, List<Runbook> runbooks, int concurrency, StoreSettings store, Redactor redactor) {

    public Optional<Runbook> runbook(String name) {
        return runbooks.stream().filter(runbook -> runbook.name().equals(name)).findFirst();
    }

    public Optional<ChecklistSettings> checklist(String name) {
        return checklists.stream().filter(checklist -> checklist.name().equals(name)).findFirst();
    }

    public Optional<Person> person(String name) {
        return people.stream().filter(person -> person.name().equals(name)).findFirst();
    }

    /** The windows as the calendar disruptive work asks. */
    public MaintenanceCalendar calendar() {
        return new MaintenanceCalendar(windows);
    }

    public Optional<Target> target(String name) {
        return targets.stream().filter(target -> target.name().equals(name)).findFirst();
    }

    public Optional<BackupSettings> backup(String name) {
        return backups.stream().filter(backup -> backup.name().equals(name)).findFirst();
    }
}
