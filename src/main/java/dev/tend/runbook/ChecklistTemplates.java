package dev.tend.runbook;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runbooks' checklists, as templates a config uses by name: the daily, weekly, monthly and
 * quarterly checklists with the responsible roles of the task tables, and the pre-maintenance
 * checklist (24 hours, 2 hours and 30 minutes before a window). Items carry no evidence link
 * until a config gives one (but the pre-maintenance "status-page" item, which the status page's
 * announcement of the opening ticks): then a successful result ticks them; otherwise a person signs.
 */
public final class ChecklistTemplates {
    public static final String SYSADMIN = "System Administrator";
    public static final String DBA = "Database Administrator";
    public static final String SECURITY = "Security Team";
    public static final String BACKUP = "Backup Administrator";
    public static final String DOCS = "Documentation Team";
    public static final String DR = "DR Team";
    public static final String DEVELOPMENT = "Development Team";
    public static final String ON_CALL = "On-call Engineer";
    /** The pre-maintenance item the status page's announcement ticks. */
    public static final String STATUS_PAGE_ITEM = "status-page";
    /** The items a signed report ticks, and the report's kind (tend report KIND). */
    public static final java.util.Map<String, String> REPORTS = java.util.Map.of("capacity-planning", "capacity", "performance-trends", "performance",
            "account-audit", "access", "security-audit", "security");

    /** A template: its title, cadence (or none: anchored to a window) and items. */
    public record Template(String title, Optional<Cadence> cadence, List<ChecklistItem> items) {}

    private static final Map<String, Template> TEMPLATES = new LinkedHashMap<>();

    static {
        TEMPLATES.put("daily", recurring("Daily checklist", Cadence.DAILY,
                item("health-dashboard", "Review system health dashboard", SYSADMIN),
                item("backup-completion", "Verify backup completion", SYSADMIN),
                item("error-logs", "Check error logs", SYSADMIN),
                item("disk-space", "Monitor disk space", SYSADMIN),
                item("active-alerts", "Respond to active alerts", ON_CALL)));
        TEMPLATES.put("weekly", recurring("Weekly checklist", Cadence.WEEKLY,
                item("rotate-logs", "Rotate logs", SYSADMIN),
                item("performance-trends", "Review performance trends", SYSADMIN),
                item("redis-cleanup", "Clean up Redis cache", SYSADMIN),
                item("security-scan", "Run security scan", SECURITY),
                item("documentation-changes", "Update documentation with any changes", DOCS)));
        TEMPLATES.put("monthly", recurring("Monthly checklist", Cadence.MONTHLY,
                item("database-optimization", "Perform database optimization", DBA),
                item("container-updates", "Apply container updates", SYSADMIN),
                item("account-audit", "Audit user accounts", SECURITY),
                item("documentation-review", "Review maintenance documentation", DOCS),
                item("recovery-test", "Test recovery procedures", BACKUP)));
        TEMPLATES.put("quarterly", recurring("Quarterly checklist", Cadence.QUARTERLY,
                item("full-backup", "Perform full system backup", BACKUP),
                item("dr-test", "Test disaster recovery", DR),
                item("major-updates", "Plan major version updates", DEVELOPMENT),
                item("capacity-planning", "Conduct capacity planning", SYSADMIN),
                item("security-audit", "Complete security audit", SECURITY)));
        TEMPLATES.put("pre-maintenance", new Template("Pre-maintenance checklist", Optional.empty(), List.of(
                before("announce", "Announce maintenance window to users", SYSADMIN, 24 * 60),
                before(STATUS_PAGE_ITEM, "Update status page with maintenance schedule", SYSADMIN, 24 * 60),
                before("verify-backups", "Verify backup procedures are working", BACKUP, 24 * 60),
                before("rollback-plan", "Create rollback plan", SYSADMIN, 24 * 60),
                before("prepare-scripts", "Prepare maintenance scripts", SYSADMIN, 24 * 60),
                before("schedule-testing", "Schedule post-maintenance testing", SYSADMIN, 24 * 60),
                before("full-backup", "Perform full system backup", BACKUP, 120),
                before("team-available", "Verify all team members are available", SYSADMIN, 120),
                before("confirm-window", "Confirm maintenance window with stakeholders", SYSADMIN, 120),
                before("monitoring", "Set up monitoring for maintenance activities", SYSADMIN, 120),
                before("communication", "Prepare communication channels", SYSADMIN, 120),
                before("health-check", "Final system health check", SYSADMIN, 30),
                before("maintenance-mode", "Enable maintenance mode if available", SYSADMIN, 30),
                before("notify-users", "Notify users of impending maintenance", SYSADMIN, 30),
                before("log-collection", "Begin log collection for maintenance period", SYSADMIN, 30))));
    }

    private ChecklistTemplates() {}

    public static Optional<Template> named(String name) {
        return Optional.ofNullable(TEMPLATES.get(name));
    }

    public static List<String> names() {
        return List.copyOf(TEMPLATES.keySet());
    }

    private static Template recurring(String title, Cadence cadence, ChecklistItem... items) {
        return new Template(title, Optional.of(cadence), Arrays.asList(items));
    }

    private static ChecklistItem item(String id, String text, String role) {
        return new ChecklistItem(id, text, role, Optional.empty(), Optional.empty());
    }

    private static ChecklistItem before(String id, String text, String role, long minutes) {
        return new ChecklistItem(id, text, role, Optional.empty(), Optional.of(Duration.ofMinutes(minutes)));
    }
}
