package dev.tend.schedule;

import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.EnumSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.Problems;
import dev.tend.config.spec.StringSpec;
import dev.tend.config.spec.Suggestions;
import dev.tend.action.ActionType;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The {@code schedules:} section: what Tend runs unattended, and when. */
public final class ScheduleSpec {
    private ScheduleSpec() {}

    public static Field field() {
        return Field.optional("schedules", ListSpec.of(ObjectSpec.of("something Tend runs on its own",
                Field.required("name", StringSpec.matching("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}", "letters, digits, '_', '.', '-'"),
                        "the schedule's name, in plans and records"),
                Field.optional("run", StringSpec.any(), "the action: check [TARGET...], backup.create BACKUP, pg.vacuum TARGET, "
                        + "redis.bgsave TARGET, docker.restart TARGET CONTAINER, http.load TARGET, ... (tend run --help lists them)"),
                Field.optional("command", dev.tend.command.CommandFields.commandSpec(), "instead of run: a command on Tend's machine"),
                Field.optional("exec", dev.tend.command.CommandFields.execSpec(), "instead of run: a command in a container"),
                Field.optional("cron", StringSpec.any(), "when: five-field cron in timezone, e.g. \"0 1 * * *\""),
                Field.optional("window", StringSpec.any(), "when: at each opening of this window"),
                Field.optional("every", DurationSpec.between(Duration.ofSeconds(1), Duration.ofDays(366)), "when: every interval, e.g. 5m"),
                Field.optional("timezone", StringSpec.any(), "IANA time zone of cron (default: the platform's)"),
                DstFields.field(),
                Field.withDefault("jitter", DurationSpec.between(Duration.ZERO, Duration.ofDays(1)), "0s",
                        "start up to this much later, the same for every instance (spreads load)"),
                Field.withDefault("catchUp", EnumSpec.of("once", "skip"), "once", "runs missed while Tend was down: run once on start, or skip"),
                Field.withDefault("interrupted", EnumSpec.of("rerun", "skip"), "rerun", "a run cut short by a crash: run it again, or skip to the next"),
                Field.optional("expectedDuration", DurationSpec.between(Duration.ofSeconds(1), Duration.ofDays(7)),
                        "how long it takes; a disruptive action needs this much time left in a window (default: learned from past runs)"))),
                "what Tend runs unattended (tend serve), and when");
    }

    public static List<ScheduleSettings> bind(List<Fields> entries, ZoneId platformZone, ActionType.Lookup lookup, List<MaintenanceWindow> windows,
            Problems problems) {
        var schedules = new ArrayList<ScheduleSettings>();
        var names = new HashSet<String>();
        for (var fields : entries.stream().filter(Objects::nonNull).toList()) {
            if (fields.string("name") == null || fields.string("catchUp") == null
                    || fields.string("interrupted") == null || !fields.has("jitter")) continue;
            if (!names.add(fields.string("name"))) {
                problems.at(fields.nodeOf("name"), fields.pathOf("name"), "duplicate schedule name '" + fields.string("name") + "'",
                        "schedule names must be unique");
                continue;
            }
            var action = action(fields, lookup, problems);
            if (action == null) continue;
            var timing = timing(fields, platformZone, windows, problems);
            if (timing == null) continue;
            schedules.add(new ScheduleSettings(fields.string("name"), action, timing, fields.duration("jitter"),
                    ScheduleSettings.CatchUp.valueOf(upper(fields.string("catchUp"))),
                    ScheduleSettings.OnInterrupt.valueOf(upper(fields.string("interrupted"))),
                    fields.has("expectedDuration") ? Optional.of(fields.duration("expectedDuration")) : Optional.empty()));
        }
        return schedules;
    }

    /** run:, command: or exec: (exactly one); null after reporting what is wrong. */
    private static dev.tend.action.Action action(Fields fields, ActionType.Lookup lookup, Problems problems) {
        var kinds = java.util.stream.Stream.of("run", "command", "exec").filter(fields::has).toList();
        if (kinds.size() != 1) {
            problems.at(fields.node(), fields.path(), "a schedule needs exactly one of run, command, exec", "e.g. run: backup.create db");
            return null;
        }
        if (!kinds.get(0).equals("run")) {
            var settings = dev.tend.command.CommandFields.bind(fields.object(kinds.get(0)), kinds.get(0).equals("exec"), lookup.targets(), problems);
            return settings == null ? null : new dev.tend.command.CommandAction(settings);
        }
        try {
            return lookup.parse(fields.string("run"));
        } catch (IllegalArgumentException e) {
            problems.at(fields.nodeOf("run"), fields.pathOf("run"), e.getMessage(), null);
            return null;
        }
    }

    private static ScheduleSettings.Timing timing(Fields fields, ZoneId platformZone, List<MaintenanceWindow> windows, Problems problems) {
        int given = (fields.has("cron") ? 1 : 0) + (fields.has("window") ? 1 : 0) + (fields.has("every") ? 1 : 0);
        if (given != 1) {
            problems.at(fields.node(), fields.path(), "a schedule needs exactly one of cron, window or every",
                    "e.g. cron: \"0 1 * * *\", window: monthly, or every: 5m");
            return null;
        }
        if (fields.has("every")) return new ScheduleSettings.Every(fields.duration("every"));
        if (fields.has("window")) {
            var name = fields.string("window");
            if (windows.stream().noneMatch(window -> window.name().equals(name))) {
                problems.at(fields.nodeOf("window"), fields.pathOf("window"), "no window named '" + name + "'",
                        Suggestions.didYouMean(name, windows.stream().map(MaintenanceWindow::name).toList()));
                return null;
            }
            return new ScheduleSettings.InWindow(name);
        }
        var zone = ZoneFields.zone(fields, "timezone", platformZone, problems);
        var dst = DstFields.read(fields);
        if (zone == null || dst == null) return null;
        try {
            return new ScheduleSettings.Cron(new ZonedCron(CronExpression.parse(fields.string("cron")), zone, dst));
        } catch (IllegalArgumentException e) {
            problems.at(fields.nodeOf("cron"), fields.pathOf("cron"), e.getMessage(), "minute hour day-of-month month day-of-week");
            return null;
        }
    }

    private static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }
}
