package dev.tend.runbook;

import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.EnumSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.Problems;
import dev.tend.config.spec.StringSpec;
import dev.tend.config.spec.Suggestions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The {@code people:} and {@code checklists:} sections. */
public final class ChecklistSpec {
    private static final StringSpec NAME = StringSpec.matching("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}", "letters, digits, '_', '.', '-'");

    private ChecklistSpec() {}

    /** Names a checklist's evidence may refer to. */
    public record Known(Set<String> targets, Set<String> backups, Set<String> schedules, Set<String> windows, java.util.Map<String, Optional<String>> rotations) {}

    public static Field checklists() {
        var evidence = ObjectSpec.of("what ticks an item without a person: one of check, backup, task, schedule, statusPage",
                Field.optional("check", StringSpec.any(), "TARGET or TARGET/CHECK: its latest results in the period are OK"),
                Field.optional("backup", StringSpec.any(), "BACKUP: a verification or drill passed in the period"),
                Field.optional("task", StringSpec.any(), "\"TASK TARGET\", e.g. \"pg.vacuum db\": it succeeded in the period"),
                Field.optional("schedule", StringSpec.any(), "SCHEDULE: a run of it succeeded in the period"),
                Field.optional("statusPage", StringSpec.any(), "WINDOW: the status page announced the window's opening (tend serve, at statusPage.announceAhead)"),
                Field.optional("report", StringSpec.any(), "KIND: a capacity, performance, access or security report signed in the period (tend report sign)"),
                Field.optional("rotation", StringSpec.any(), "NAME: the secret was rotated in the period (tend access rotated, or its schedule)"));
        var item = ObjectSpec.of("a checklist item",
                Field.required("id", NAME, "the item's id, used by tend checklist sign"),
                Field.required("text", StringSpec.any(), "what to do"),
                Field.required("role", StringSpec.any(), "the role that answers for it"),
                Field.optional("evidence", evidence, "what ticks it without a person"),
                Field.optional("before", DurationSpec.between(Duration.ofMinutes(1), Duration.ofDays(30)),
                        "on a window checklist: how long before the window it is due (default 24h)"));
        return Field.optional("checklists", ListSpec.of(ObjectSpec.of("a checklist",
                Field.required("name", NAME, "the checklist's name"),
                Field.optional("template", EnumSpec.of(ChecklistTemplates.names().toArray(String[]::new)), "a built-in template"),
                Field.optional("cadence", EnumSpec.of("daily", "weekly", "monthly", "quarterly"), "how often it comes round"),
                Field.optional("window", StringSpec.any(), "instead of a cadence: due before each opening of this window"),
                Field.optional("title", StringSpec.any(), "its title"),
                Field.optional("items", ListSpec.of(item), "its items (instead of, or added to, the template's)"),
                Field.withDefault("evidence", new dev.tend.config.spec.MapSpec(evidence), "{}",
                        "evidence for template items, by item id: {backup-completion: {backup: db}}"))),
                "checklists: items ticked by evidence or signed by a person in the role");
    }

    public static List<ChecklistSettings> bind(List<Fields> entries, Known known, Problems problems) {
        var checklists = new ArrayList<ChecklistSettings>();
        var names = new HashSet<String>();
        for (var fields : entries.stream().filter(Objects::nonNull).toList()) {
            if (fields.string("name") == null) continue;
            if (!names.add(fields.string("name"))) {
                problems.at(fields.nodeOf("name"), fields.pathOf("name"), "duplicate checklist '" + fields.string("name") + "'", null);
                continue;
            }
            var checklist = bindOne(fields, known, problems);
            if (checklist != null) checklists.add(checklist);
        }
        return checklists;
    }

    private static ChecklistSettings bindOne(Fields fields, Known known, Problems problems) {
        var template = Optional.ofNullable(fields.string("template")).flatMap(ChecklistTemplates::named);
        var items = new ArrayList<ChecklistItem>(template.map(ChecklistTemplates.Template::items).orElse(List.of()));
        var window = Optional.ofNullable(fields.string("window"));
        // The template's "update status page" item is done when the page announced the opening: tend serve does that itself.
        if (window.isPresent() && known.windows().contains(window.get())) {
            items.replaceAll(item -> item.id().equals(ChecklistTemplates.STATUS_PAGE_ITEM) && item.evidence().isEmpty()
                    ? item.withEvidence(new Evidence.StatusPage(window.get())) : item);
        }
        // The planning and audit items are done when their report is signed: Tend writes the report.
        items.replaceAll(item -> item.evidence().isEmpty() && ChecklistTemplates.REPORTS.containsKey(item.id())
                ? item.withEvidence(new Evidence.Report(ChecklistTemplates.REPORTS.get(item.id()))) : item);
        List<Fields> own = fields.has("items") ? fields.list("items") : List.of();
        for (var itemFields : own.stream().filter(Objects::nonNull).toList()) {
            if (itemFields.string("id") == null || itemFields.string("text") == null || itemFields.string("role") == null) continue;
            var evidence = itemFields.has("evidence") ? evidence(itemFields.object("evidence"), itemFields.pathOf("evidence"), known, problems) : null;
            items.add(new ChecklistItem(itemFields.string("id"), itemFields.string("text"), itemFields.string("role"),
                    Optional.ofNullable(evidence), itemFields.has("before") ? Optional.of(itemFields.duration("before")) : Optional.empty()));
        }
        Map<String, Fields> links = fields.has("evidence") ? fields.value("evidence") : Map.of();
        var ids = items.stream().map(ChecklistItem::id).toList();
        for (var link : links.entrySet()) {
            int index = ids.indexOf(link.getKey());
            if (index < 0) {
                problems.at(fields.nodeOf("evidence"), fields.pathOf("evidence") + "." + link.getKey(), "no item '" + link.getKey() + "' in this checklist",
                        Suggestions.didYouMean(link.getKey(), ids));
                continue;
            }
            var evidence = evidence(link.getValue(), fields.pathOf("evidence") + "." + link.getKey(), known, problems);
            if (evidence != null) items.set(index, items.get(index).withEvidence(evidence));
        }
        var cadence = Optional.ofNullable(fields.string("cadence")).map(name -> Cadence.valueOf(name.toUpperCase(Locale.ROOT)))
                .or(() -> template.flatMap(ChecklistTemplates.Template::cadence));
        if (window.isPresent() && !known.windows().contains(window.get())) {
            problems.at(fields.nodeOf("window"), fields.pathOf("window"), "no window named '" + window.get() + "'",
                    Suggestions.didYouMean(window.get(), known.windows()));
            return null;
        }
        if (cadence.isPresent() == window.isPresent()) {
            problems.at(fields.node(), fields.path(), cadence.isPresent() ? "give a cadence or a window, not both"
                    : "a checklist needs a cadence (daily, weekly, monthly, quarterly) or a window", "e.g. template: pre-maintenance, window: weekly");
            return null;
        }
        if (items.isEmpty()) {
            problems.at(fields.node(), fields.path(), "a checklist needs items or a template", "e.g. template: daily");
            return null;
        }
        var title = Optional.ofNullable(fields.string("title")).or(() -> template.map(ChecklistTemplates.Template::title)).orElse(fields.string("name"));
        return new ChecklistSettings(fields.string("name"), title, window.isPresent() ? Optional.empty() : cadence, window, List.copyOf(items));
    }

    private static Evidence evidence(Fields fields, String path, Known known, Problems problems) {
        if (fields == null) return null;
        var given = java.util.stream.Stream.of("check", "backup", "task", "schedule", "statusPage", "report", "rotation").filter(fields::has).toList();
        if (given.size() != 1) {
            problems.at(fields.node(), path, "evidence needs exactly one of check, backup, task, schedule, statusPage, report, rotation", "e.g. {backup: db}");
            return null;
        }
        var key = given.get(0);
        var value = fields.string(key).trim();
        return switch (key) {
            case "check" -> {
                var target = value.contains("/") ? value.substring(0, value.indexOf('/')) : value;
                yield exists(known.targets(), target, fields, key, "target", problems)
                        ? new Evidence.Check(target, value.contains("/") ? Optional.of(value.substring(value.indexOf('/') + 1)) : Optional.empty()) : null;
            }
            case "backup" -> exists(known.backups(), value, fields, key, "backup", problems) ? new Evidence.Backup(value) : null;
            case "schedule" -> exists(known.schedules(), value, fields, key, "schedule", problems) ? new Evidence.Schedule(value) : null;
            case "statusPage" -> exists(known.windows(), value, fields, key, "window", problems) ? new Evidence.StatusPage(value) : null;
            case "rotation" -> exists(known.rotations().keySet(), value, fields, key, "rotation", problems)
                    ? new Evidence.Rotation(value, known.rotations().get(value)) : null;
            case "report" -> exists(java.util.Set.copyOf(ChecklistTemplates.REPORTS.values()), value, fields, key, "report kind", problems)
                    ? new Evidence.Report(value) : null;
            default -> {
                var words = value.split("\\s+");
                if (words.length != 2) {
                    problems.at(fields.nodeOf(key), fields.pathOf(key), "write the task and its target: \"pg.vacuum db\"", null);
                    yield null;
                }
                yield exists(known.targets(), words[1], fields, key, "target", problems) ? new Evidence.Task(words[0], words[1]) : null;
            }
        };
    }

    private static boolean exists(Set<String> names, String name, Fields fields, String key, String what, Problems problems) {
        if (names.contains(name)) return true;
        problems.at(fields.nodeOf(key), fields.pathOf(key), "no " + what + " named '" + name + "'", Suggestions.didYouMean(name, names));
        return false;
    }
}
