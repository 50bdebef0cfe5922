package dev.tend.schedule;

import dev.tend.config.spec.BooleanSpec;
import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.Problems;
import dev.tend.config.spec.StringSpec;
import dev.tend.config.spec.Suggestions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The {@code windows:} section: recurring and one-off maintenance windows. */
public final class WindowSpec {
    private WindowSpec() {}

    public static Field field() {
        return Field.optional("windows", ListSpec.of(ObjectSpec.of("a maintenance window",
                Field.required("name", StringSpec.matching("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}", "letters, digits, '_', '.', '-'"),
                        "the window's name, used by schedules (window: NAME) and in listings"),
                Field.optional("cron", StringSpec.any(), "when it opens, recurring: five-field cron, e.g. \"0 1 * * SUN#1\" (first Sunday)"),
                Field.optional("start", StringSpec.any(), "when it opens, once: 2026-12-06T01:00 (in timezone) or an instant ending in Z"),
                Field.required("duration", DurationSpec.between(Duration.ofMinutes(1), Duration.ofDays(31)), "how long it stays open (elapsed time)"),
                Field.optional("timezone", StringSpec.any(), "IANA time zone of cron and start (default: the platform's)"),
                Field.withDefault("targets", ListSpec.of(StringSpec.any()).withoutRepeats(), "[]", "the targets it covers (default: all)"),
                Field.withDefault("emergency", new BooleanSpec(), "false", "an emergency window (one-off, declared as needed)"),
                DstFields.field(),
                Field.optional("description", StringSpec.any(), "what the window is for"))),
                "maintenance windows: disruptive work runs only inside one");
    }

    public static List<MaintenanceWindow> bind(List<Fields> entries, ZoneId platformZone, Set<String> targets, Problems problems) {
        var windows = new ArrayList<MaintenanceWindow>();
        var names = new HashSet<String>();
        for (var fields : entries.stream().filter(Objects::nonNull).toList()) {
            if (fields.string("name") == null || !fields.has("duration")) continue;
            if (!names.add(fields.string("name"))) {
                problems.at(fields.nodeOf("name"), fields.pathOf("name"), "duplicate window name '" + fields.string("name") + "'",
                        "window names must be unique");
                continue;
            }
            var window = bindOne(fields, platformZone, targets, problems);
            if (window != null) windows.add(window);
        }
        return windows;
    }

    private static MaintenanceWindow bindOne(Fields fields, ZoneId platformZone, Set<String> targets, Problems problems) {
        var zone = ZoneFields.zone(fields, "timezone", platformZone, problems);
        if (fields.has("cron") == fields.has("start")) {
            problems.at(fields.node(), fields.path(), "a window needs either cron (recurring) or start (once)", "e.g. cron: \"0 2 * * SUN\"");
            return null;
        }
        List<String> covered = fields.list("targets");
        for (int index = 0; index < covered.size(); index++) {
            if (covered.get(index) != null && !targets.contains(covered.get(index))) {
                problems.at(fields.nodeOf("targets"), fields.pathOf("targets") + "[" + index + "]", "no target named '" + covered.get(index) + "'",
                        Suggestions.didYouMean(covered.get(index), targets));
            }
        }
        var dst = DstFields.read(fields);
        if (zone == null || dst == null) return null;
        Optional<ZonedCron> recurrence = Optional.empty();
        Optional<Instant> oneOff = Optional.empty();
        if (fields.has("cron")) {
            try {
                recurrence = Optional.of(new ZonedCron(CronExpression.parse(fields.string("cron")), zone, dst));
            } catch (IllegalArgumentException e) {
                problems.at(fields.nodeOf("cron"), fields.pathOf("cron"), e.getMessage(), "minute hour day-of-month month day-of-week");
                return null;
            }
            if (fields.bool("emergency")) {
                problems.at(fields.nodeOf("emergency"), fields.pathOf("emergency"), "an emergency window is one-off: give start, not cron", null);
                return null;
            }
        } else {
            oneOff = start(fields, zone, problems);
            if (oneOff.isEmpty()) return null;
        }
        return new MaintenanceWindow(fields.string("name"), recurrence, oneOff, fields.duration("duration"), fields.bool("emergency"),
                covered.stream().filter(Objects::nonNull).toList(), fields.optionalString("description").orElse(""));
    }

    private static Optional<Instant> start(Fields fields, ZoneId zone, Problems problems) {
        var text = fields.string("start");
        try {
            return Optional.of(text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$") ? Instant.from(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text))
                    : LocalDateTime.parse(text).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            problems.at(fields.nodeOf("start"), fields.pathOf("start"), "'" + text + "' is not a date and time",
                    "2026-12-06T01:00 (in the window's timezone) or 2026-12-06T00:00:00Z");
            return Optional.empty();
        }
    }
}
