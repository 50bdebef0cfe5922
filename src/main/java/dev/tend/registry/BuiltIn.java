package dev.tend.registry;

import dev.tend.action.Actions;
import dev.tend.action.BackupActionType;
import dev.tend.action.CheckActionType;
import dev.tend.action.PgTaskActionType;
import dev.tend.alert.AlertingSection;
import dev.tend.alert.AnnouncementsSection;
import dev.tend.alert.escalate.EscalationsSection;
import dev.tend.alert.oncall.OncallSection;
import dev.tend.alert.notify.NotifierTypes;
import dev.tend.alert.notify.NotifiersSection;
import dev.tend.alert.notify.alertmanager.AlertmanagerNotifierType;
import dev.tend.alert.notify.command.CommandNotifierType;
import dev.tend.alert.notify.email.EmailNotifierType;
import dev.tend.alert.notify.pagerduty.PagerDutyNotifierType;
import dev.tend.alert.notify.slack.SlackNotifierType;
import dev.tend.alert.notify.webhook.WebhookNotifierType;
import dev.tend.backup.BackupsSection;
import dev.tend.check.http.HttpTargetType;
import dev.tend.check.tcp.TcpTargetType;
import dev.tend.check.tls.TlsTargetType;
import dev.tend.config.ConfigLoader;
import dev.tend.config.ConfigSections;
import dev.tend.docker.DockerTargetType;
import dev.tend.host.HostTargetType;
import dev.tend.postgres.PostgresTargetType;
import dev.tend.redis.RedisTargetType;
import dev.tend.runbook.ChecklistsSection;
import dev.tend.people.PeopleSection;
import dev.tend.runbook.RunbookActionType;
import dev.tend.runbook.RunbooksSection;
import dev.tend.schedule.SchedulesSection;
import dev.tend.schedule.ServeSection;
import dev.tend.schedule.WindowsSection;
import dev.tend.status.StatusPageSection;
import dev.tend.storage.S3TargetType;
import dev.tend.target.TargetTypes;
import dev.tend.target.TargetsSection;
import java.util.List;
import java.util.function.Function;

/**
 * The built-in kinds, in one place: target types, action types and configuration sections. A new
 * target kind, action or section is one class in its feature plus one line here. Only the
 * composition (cli, demo) uses this; features never do (ArchitectureTest).
 */
public final class BuiltIn {
    private BuiltIn() {}

    public static TargetTypes targetTypes() {
        return new TargetTypes(List.of(
                new PostgresTargetType(),
                new RedisTargetType(),
                new S3TargetType(),
                new HttpTargetType(),
                new TcpTargetType(),
                new TlsTargetType(),
                new HostTargetType(),
                new DockerTargetType(),
                new dev.tend.command.CommandTargetType(),
                new dev.tend.nginx.NginxTargetType(),
                new dev.tend.prometheus.PrometheusTargetType(),
                new dev.tend.grafana.GrafanaTargetType()));
    }

    public static Actions actions() {
        return new Actions(List.of(new CheckActionType(), new BackupActionType(), new PgTaskActionType(), new RunbookActionType(),
                new dev.tend.action.LogsRotateActionType(), new dev.tend.action.CleanupActionType(), new dev.tend.action.DockerPruneActionType(),
                new dev.tend.operations.redis.BgsaveActionType(), new dev.tend.operations.redis.ExpireScanActionType(), new dev.tend.operations.redis.SlowlogActionType(),
                new dev.tend.operations.redis.ConfigSetActionType(), new dev.tend.operations.redis.BigKeysActionType(), new dev.tend.maintenance.MaintenanceModeActionType(),
                new dev.tend.load.HttpLoadActionType(), new dev.tend.operations.containers.DockerRestartActionType(), new dev.tend.operations.containers.DockerCommitActionType(),
                new dev.tend.operations.containers.DockerRecreateActionType(), new dev.tend.operations.containers.DockerRollbackActionType(),
                new dev.tend.nginx.NginxActionType(), new dev.tend.nginx.TlsRenewActionType(),
                new dev.tend.prometheus.PrometheusActionType(), new dev.tend.grafana.GrafanaExportActionType(),
                new dev.tend.security.SecurityScanActionType(), new dev.tend.operations.minio.MinioAdminActionType(),
                new dev.tend.planning.ReportActionType()));
    }

    /** The sections of tend.yaml besides platform, runner and store, in the order they bind (each after those it names). */
    public static ConfigSections sections() {
        var actions = actions();
        return new ConfigSections(List.of(
                new TargetsSection(targetTypes()),
                new BackupsSection(),
                new WindowsSection(),
                new dev.tend.logs.LogsSection(),
                new dev.tend.logs.cleanup.CleanupSection(),
                new dev.tend.maintenance.MaintenanceModeSection(),
                new RunbooksSection(actions),
                new SchedulesSection(actions),
                new ServeSection(),
                new dev.tend.check.RetentionSection(),
                new dev.tend.capacity.CapacitySection(),
                new dev.tend.audit.AccessReviewsSection(),
                new dev.tend.audit.RotationsSection(),
                new PeopleSection(),
                new ChecklistsSection(),
                new AlertingSection(),
                new NotifiersSection(notifierTypes()),
                new AnnouncementsSection(),
                new StatusPageSection(),
                new OncallSection(),
                new EscalationsSection()));
    }

    public static NotifierTypes notifierTypes() {
        return new NotifierTypes(List.of(new WebhookNotifierType(), new SlackNotifierType(), new EmailNotifierType(), new PagerDutyNotifierType(),
                new AlertmanagerNotifierType(), new CommandNotifierType()));
    }

    public static ConfigLoader configLoader(Function<String, String> environment) {
        return new ConfigLoader(sections(), environment);
    }
}
