package dev.tend.runbook;

import dev.tend.runbook.Step.OnFailure;
import dev.tend.runbook.Step.Phase;
import dev.tend.action.ActionType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runbooks' procedures as templates. Steps Tend automates run actions on what the config names
 * (the backup, the database, log sources, Redis, docker engines, nginx, http endpoints, maintenance
 * mode); steps it cannot automate (audits, documentation, or a kind of target the config lacks) are
 * manual steps marked so, signed off by the responsible role.
 */
public final class RunbookTemplates {
    public static final List<String> NAMES = List.of("daily", "weekly", "monthly", "quarterly", "maintenance-window");
    private static final Duration STEP_TIMEOUT = Duration.ofHours(1);

    private RunbookTemplates() {}

    /** The template's steps and rollback, for the backup and database given (either may be absent). */
    public static Runbook build(String template, String name, Optional<String> window, Optional<String> backup, Optional<String> database,
            ActionType.Lookup lookup) {
        var steps = new Builder(lookup);
        var rollback = new Builder(lookup);
        var title = switch (template) {
            case "daily" -> {
                steps.checks("health-check", Phase.TASKS);
                backup.ifPresentOrElse(b -> steps.run("backup-verification", Phase.TASKS, "backup.verify " + b),
                        () -> steps.manual("backup-verification", Phase.TASKS, "Verify successful completion of daily backups", ChecklistTemplates.SYSADMIN, false));
                var checkedLogs = lookup.names(ActionType.Lookup.CHECKED_LOGS);
                if (checkedLogs.isEmpty()) {
                    steps.manual("error-log-review", Phase.TASKS, "Review logs for critical errors and exceptions", ChecklistTemplates.SYSADMIN, true);
                } else {
                    steps.runAndContinue("error-log-review", Phase.TASKS, "check " + String.join(" ", checkedLogs.stream().map(source -> "logs:" + source).toList()));
                }
                steps.checks("storage-check", Phase.TASKS);
                yield "Daily maintenance";
            }
            case "weekly" -> {
                var rotatedLogs = lookup.names(ActionType.Lookup.ROTATED_LOGS);
                if (rotatedLogs.isEmpty()) {
                    steps.manual("log-rotation", Phase.TASKS, "Ensure logs are properly rotated and compressed", ChecklistTemplates.SYSADMIN, true);
                }
                rotatedLogs.forEach(source -> steps.runAndContinue("log-rotation-" + source, Phase.TASKS, "logs.rotate " + source));
                lookup.names(dev.tend.logs.cleanup.CleanupSection.KEY.name()).stream().sorted()
                        .forEach(rule -> steps.runAndContinue("cleanup-" + rule, Phase.TASKS, "cleanup " + rule));
                steps.manual("performance-review", Phase.TASKS, "Analyze performance trends (tend pg report)", ChecklistTemplates.SYSADMIN, true);
                var redis = steps.targetsOf(dev.tend.redis.RedisTarget.class);
                if (redis.isEmpty()) steps.manual("redis-cleanup", Phase.TASKS, "Remove expired/unused entries from the Redis cache", ChecklistTemplates.SYSADMIN, true);
                redis.forEach(cache -> {
                    steps.runAndContinue("redis-cleanup-" + cache, Phase.TASKS, "redis.expire-scan " + cache);
                    steps.runAndContinue("redis-save-" + cache, Phase.TASKS, "redis.bgsave " + cache);
                });
                var engines = steps.targetsOf(dev.tend.docker.DockerTarget.class);
                if (engines.isEmpty()) steps.manual("security-scan", Phase.TASKS, "Run a vulnerability scan on all containers", ChecklistTemplates.SECURITY, true);
                engines.forEach(engine -> steps.runAndContinue("security-scan-" + engine, Phase.TASKS, "security.scan " + engine));
                yield "Weekly maintenance";
            }
            case "monthly" -> {
                database.ifPresentOrElse(db -> {
                    steps.run("vacuum", Phase.TASKS, "pg.vacuum " + db);
                    steps.run("analyze", Phase.TASKS, "pg.analyze " + db);
                }, () -> steps.manual("database-optimization", Phase.TASKS, "Run vacuumdb --analyze --all", ChecklistTemplates.DBA, false));
                // Updates are disruptive: automated only in a runbook with a window; each one rolls itself back when unhealthy.
                var updates = window.isPresent() ? steps.watchedContainers() : List.<String>of();
                if (updates.isEmpty()) steps.manual("container-updates", Phase.TASKS, "Apply non-critical updates to containers", ChecklistTemplates.SYSADMIN, true);
                updates.forEach(update -> steps.runAndContinue("update-" + update.replace(' ', '-'), Phase.TASKS, "docker.update " + update));
                steps.manual("user-account-audit", Phase.TASKS, "Review user accounts and permissions", ChecklistTemplates.SECURITY, true);
                steps.manual("documentation-review", Phase.TASKS, "Review and update maintenance documentation", ChecklistTemplates.DOCS, true);
                yield "Monthly maintenance";
            }
            case "quarterly" -> {
                backup.ifPresentOrElse(b -> {
                    steps.run("full-backup", Phase.TASKS, "backup.create " + b);
                    steps.run("backup-verification", Phase.TASKS, "backup.verify " + b);
                    steps.run("dr-test", Phase.TASKS, "backup.drill " + b);
                }, () -> steps.manual("full-backup", Phase.TASKS, "Perform full system backup and verification", ChecklistTemplates.BACKUP, false));
                steps.manual("capacity-planning", Phase.TASKS, "Review resource usage and plan for growth", ChecklistTemplates.SYSADMIN, true);
                steps.manual("security-audit", Phase.TASKS, "Comprehensive security review", ChecklistTemplates.SECURITY, true);
                yield "Quarterly maintenance";
            }
            default -> {
                steps.notify("announce", Phase.PRE, "Maintenance starting" + window.map(w -> " in window " + w).orElse(""));
                backup.ifPresentOrElse(b -> steps.run("pre-maintenance-backup", Phase.PRE, "backup.create " + b),
                        () -> steps.manual("pre-maintenance-backup", Phase.PRE, "Perform full system backup", ChecklistTemplates.BACKUP, false));
                steps.checks("pre-checks", Phase.PRE);
                steps.targetsOf(dev.tend.nginx.NginxTarget.class).forEach(web -> steps.run("nginx-config-" + web, Phase.PRE, "nginx.test " + web));
                boolean mode = !lookup.names(ActionType.Lookup.MAINTENANCE_MODE).isEmpty();
                if (mode) steps.run("maintenance-mode-on", Phase.TASKS, "maintenance-mode --on");
                database.ifPresent(db -> {
                    steps.run("terminate-idle-sessions", Phase.TASKS, "pg.terminate-idle " + db);
                    steps.run("vacuum", Phase.TASKS, "pg.vacuum " + db);
                    steps.run("reindex", Phase.TASKS, "pg.reindex " + db);
                });
                if (mode) steps.run("maintenance-mode-off", Phase.TASKS, "maintenance-mode --off");
                steps.checks("post-checks", Phase.VERIFY);
                // The runbooks' "ab -n 100 -c 10" after the work: a regression is a finding of the run, not a reason to undo it.
                steps.targetsOf(dev.tend.check.http.HttpTarget.class)
                        .forEach(api -> steps.runAndContinue("load-test-" + api, Phase.VERIFY, "http.load " + api + " --requests 100 --concurrency 10"));
                backup.ifPresent(b -> steps.run("data-integrity", Phase.VERIFY, "backup.verify " + b));
                rollback.manual("restore-pre-maintenance-backup", Phase.ROLLBACK, "Restore the pre-maintenance backup: tend backup restore "
                        + backup.orElse("BACKUP") + " --id ID --into DATABASE --replace", ChecklistTemplates.DBA, false);
                rollback.checks("verify-after-rollback", Phase.ROLLBACK);
                yield "Maintenance window";
            }
        };
        return new Runbook(name, title, template, window, steps.steps, rollback.steps);
    }

    /** Builds steps, parsing their actions as tend.yaml's would be. */
    private static final class Builder {
        private final ActionType.Lookup lookup;
        private final List<Step> steps = new ArrayList<>();

        Builder(ActionType.Lookup lookup) {
            this.lookup = lookup;
        }

        void run(String name, Phase phase, String action) {
            steps.add(new Step.Run(name, phase, phase == Phase.TASKS ? OnFailure.ROLLBACK : OnFailure.STOP,
                    lookup.parse(action), STEP_TIMEOUT, Optional.empty()));
        }

        /** A step whose failure is a finding to record, not a reason to stop the day's routine (errors in the logs, a rotation that failed). */
        void runAndContinue(String name, Phase phase, String action) {
            steps.add(new Step.Run(name, phase, OnFailure.CONTINUE, lookup.parse(action), STEP_TIMEOUT, Optional.empty()));
        }

        /**
         * A check round of the platform's targets. Not of the backups' own checks: a backup made
         * minutes ago by this very runbook is "never verified" until its verify step.
         */
        void checks(String name, Phase phase) {
            run(name, phase, lookup.targets().isEmpty() ? "check" : "check " + String.join(" ", lookup.targets().keySet()));
        }

        /** The names of the targets of one kind, in the config's order. */
        List<String> targetsOf(Class<?> kind) {
            return lookup.targets().values().stream().filter(kind::isInstance).map(dev.tend.target.Target::name).toList();
        }

        /** "DOCKER-TARGET CONTAINER" for every container a docker target watches. */
        List<String> watchedContainers() {
            return lookup.targets().values().stream().filter(dev.tend.docker.DockerTarget.class::isInstance).map(dev.tend.docker.DockerTarget.class::cast)
                    .flatMap(docker -> docker.containers().stream().map(container -> docker.name() + " " + container)).toList();
        }

        void manual(String name, Phase phase, String text, String role, boolean automationLater) {
            steps.add(new Step.Manual(name, phase, OnFailure.STOP, text, role, automationLater));
        }

        void notify(String name, Phase phase, String message) {
            steps.add(new Step.Notify(name, phase, OnFailure.CONTINUE, message));
        }
    }
}
