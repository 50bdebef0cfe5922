package dev.tend.action;

import dev.tend.backup.BackupListener;
import dev.tend.backup.BackupService;
import dev.tend.backup.BackupSettings;
import dev.tend.backup.Verification;
import dev.tend.task.Impact;
import java.util.List;
import java.util.Optional;

/** {@code backup.create|verify|prune|drill BACKUP}: the backup operations, as the CLI runs them. */
public final class BackupActionType implements ActionType {

    @Override
    public List<String> names() {
        return List.of("backup.create", "backup.verify", "backup.prune", "backup.drill");
    }

    @Override
    public String usage(String name) {
        return name + " BACKUP";
    }

    @Override
    public Action parse(String name, List<String> arguments, Lookup lookup) {
        if (arguments.size() != 1) throw new IllegalArgumentException("write " + usage(name));
        var backup = lookup.backups().get(arguments.get(0));
        if (backup == null) throw new IllegalArgumentException(name + ": no backup named '" + arguments.get(0) + "'");
        return new BackupAction(name, backup);
    }

    private record BackupAction(String operation, BackupSettings backup) implements Action {
        @Override
        public String describe() {
            return operation + " " + backup.name();
        }

        @Override
        public Impact impact() {
            return Impact.ONLINE;
        }

        @Override
        public List<String> targets() {
            return List.of(backup.target().name());
        }

        @Override
        public ActionResult run(ActionContext context) {
            var config = context.config();
            var service = new BackupService(context.clock(), context.environment(), config.platform().timezone(), config.redactor(),
                    BackupListener.SILENT);
            return switch (operation) {
                case "backup.create" -> {
                    var created = service.create(backup, "daily", context.store());
                    yield new ActionResult(true, "backup " + created.manifest().id() + " written");
                }
                case "backup.prune" -> {
                    var decisions = service.prune(backup, false, context.store());
                    yield new ActionResult(true, decisions.stream().filter(decision -> !decision.keep()).count() + " of " + decisions.size() + " deleted");
                }
                default -> {
                    var kind = operation.equals("backup.drill") ? Verification.DRILL : Verification.VERIFY;
                    var verification = service.verify(backup, Optional.empty(), kind, Optional.empty(), false, context.store());
                    yield new ActionResult(verification.passed(), verification.summary());
                }
            };
        }
    }
}
