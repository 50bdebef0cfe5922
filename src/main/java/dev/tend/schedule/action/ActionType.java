package dev.tend.schedule.action;

import dev.tend.backup.BackupSettings;
import dev.tend.target.Target;
import java.util.List;
import java.util.Map;

/** One kind of action: its names (as written after run:) and how its arguments are read. */
public interface ActionType {

    List<String> names();

    /** "backup.create BACKUP", for error hints. */
    String usage(String name);

    /** Builds the action or throws IllegalArgumentException saying what is wrong with the arguments. */
    Action parse(String name, List<String> arguments, Lookup lookup);

    /** The names an action may refer to. */
    record Lookup(Map<String, Target> targets, Map<String, BackupSettings> backups, Map<String, dev.tend.runbook.Runbook> runbooks) {

        /** Before runbooks are known (their own steps cannot start a runbook). */
        public Lookup(Map<String, Target> targets, Map<String, BackupSettings> backups) {
            this(targets, backups, Map.of());
        }
    }
}
