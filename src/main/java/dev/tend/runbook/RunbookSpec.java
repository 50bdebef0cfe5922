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
import dev.tend.action.ActionType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The {@code runbooks:} section: built-in templates by name, or your own ordered steps. */
public final class RunbookSpec {
    private static final StringSpec NAME = StringSpec.matching("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}", "letters, digits, '_', '.', '-'");

    private RunbookSpec() {}

    public static Field field() {
        var step = ObjectSpec.of("a step: one of run, command, exec, manual, notify, wait",
                Field.required("name", NAME, "the step's name, unique in the runbook"),
                Field.optional("run", StringSpec.any(), "an action, as in schedules: check, backup.create db, pg.vacuum db, ..."),
                Field.optional("command", dev.tend.command.CommandFields.commandSpec(), "a command run on Tend's machine: {argv: [...], timeout, env, okExitCodes}"),
                Field.optional("exec", dev.tend.command.CommandFields.execSpec(), "a command run in a container: {target: docker, container: app, argv: [...]}"),
                Field.optional("manual", StringSpec.any(), "what a person does; the run waits for their sign-off"),
                Field.optional("role", StringSpec.any(), "manual steps: the role whose sign-off it needs"),
                Field.optional("notify", StringSpec.any(), "a message recorded in the run's log"),
                Field.optional("wait", DurationSpec.between(Duration.ofSeconds(1), Duration.ofHours(6)), "a pause"),
                Field.withDefault("phase", EnumSpec.of("pre", "tasks", "verify"), "tasks",
                        "pre (pre-checks, backup), tasks (the work) or verify (post-maintenance checks)"),
                Field.withDefault("timeout", DurationSpec.between(Duration.ofSeconds(1), Duration.ofDays(1)), "1h",
                        "run steps: the longest it may take (command and exec steps: their own timeout, plus a minute, unless given)"),
                Field.optional("requires", StringSpec.any(), "run steps: a target whose latest checks must all be OK first"),
                Field.withDefault("onFailure", EnumSpec.of("stop", "continue", "rollback"), "stop",
                        "stop the run, continue with the next step, or roll back (run the rollback steps)"));
        return Field.optional("runbooks", ListSpec.of(ObjectSpec.of("a runbook",
                Field.required("name", NAME, "the runbook's name (tend runbook run NAME)"),
                Field.optional("title", StringSpec.any(), "what users and the maintenance log call it (default: the template's title, or the name)"),
                Field.optional("template", EnumSpec.of(RunbookTemplates.NAMES.toArray(String[]::new)), "a built-in procedure"),
                Field.optional("window", StringSpec.any(), "the window it runs in: disruptive steps start only while it is open"),
                Field.optional("backup", StringSpec.any(), "templates: the backup their steps create, verify and restore"),
                Field.optional("database", StringSpec.any(), "templates: the postgres target their steps maintain"),
                Field.optional("steps", ListSpec.of(step), "your own steps (instead of a template)"),
                Field.optional("rollback", ListSpec.of(step), "steps run when a step with onFailure: rollback fails"))),
                "runbooks: ordered steps with pre-checks, manual sign-offs and rollback");
    }

    public static List<Runbook> bind(List<Fields> entries, ActionType.Lookup lookup, Set<String> windows, Problems problems) {
        var runbooks = new ArrayList<Runbook>();
        var names = new HashSet<String>();
        for (var fields : entries.stream().filter(Objects::nonNull).toList()) {
            if (fields.string("name") == null) continue;
            if (!names.add(fields.string("name"))) {
                problems.at(fields.nodeOf("name"), fields.pathOf("name"), "duplicate runbook '" + fields.string("name") + "'", null);
                continue;
            }
            var runbook = bindOne(fields, lookup, windows, problems);
            if (runbook != null) runbooks.add(runbook);
        }
        return runbooks;
    }

    private static Runbook bindOne(Fields fields, ActionType.Lookup lookup, Set<String> windows, Problems problems) {
        var window = Optional.ofNullable(fields.string("window"));
        if (window.isPresent() && !windows.contains(window.get())) {
            problems.at(fields.nodeOf("window"), fields.pathOf("window"), "no window named '" + window.get() + "'",
                    Suggestions.didYouMean(window.get(), windows));
            return null;
        }
        var backup = Optional.ofNullable(fields.string("backup"));
        if (backup.isPresent() && !lookup.backups().containsKey(backup.get())) {
            problems.at(fields.nodeOf("backup"), fields.pathOf("backup"), "no backup named '" + backup.get() + "'",
                    Suggestions.didYouMean(backup.get(), lookup.backups().keySet()));
            return null;
        }
        var database = Optional.ofNullable(fields.string("database"));
        if (database.isPresent() && !(lookup.targets().get(database.get()) instanceof dev.tend.postgres.PostgresTarget)) {
            problems.at(fields.nodeOf("database"), fields.pathOf("database"), "no postgres target named '" + database.get() + "'", null);
            return null;
        }
        if (fields.has("template") == fields.has("steps")) {
            problems.at(fields.node(), fields.path(), "a runbook needs a template or steps", "e.g. template: maintenance-window");
            return null;
        }
        if (fields.has("template")) {
            var built = RunbookTemplates.build(fields.string("template"), fields.string("name"), window, backup, database, lookup);
            var rollback = fields.has("rollback") ? steps(fields, "rollback", lookup, problems) : built.rollback();
            return rollback == null ? null : new Runbook(built.name(), Optional.ofNullable(fields.string("title")).orElse(built.title()), built.type(),
                    window, built.steps(), rollback);
        }
        var steps = steps(fields, "steps", lookup, problems);
        var rollback = fields.has("rollback") ? steps(fields, "rollback", lookup, problems) : List.<Step>of();
        if (steps == null || rollback == null) return null;
        return new Runbook(fields.string("name"), Optional.ofNullable(fields.string("title")).orElse(fields.string("name")), "custom", window, steps,
                rollback);
    }

    private static List<Step> steps(Fields owner, String key, ActionType.Lookup lookup, Problems problems) {
        List<Fields> entries = owner.list(key);
        var steps = new ArrayList<Step>();
        var names = new HashSet<String>();
        boolean ok = true;
        for (var fields : entries.stream().filter(Objects::nonNull).toList()) {
            if (fields.string("name") == null || fields.string("phase") == null || fields.string("onFailure") == null) {
                ok = false;
                continue;
            }
            if (!names.add(fields.string("name"))) {
                problems.at(fields.nodeOf("name"), fields.pathOf("name"), "duplicate step '" + fields.string("name") + "'", null);
                ok = false;
                continue;
            }
            var step = step(fields, key.equals("rollback") ? Step.Phase.ROLLBACK : Step.Phase.valueOf(fields.string("phase").toUpperCase(Locale.ROOT)),
                    lookup, problems);
            if (step == null) ok = false; else steps.add(step);
        }
        return ok ? steps : null;
    }

    private static Step step(Fields fields, Step.Phase phase, ActionType.Lookup lookup, Problems problems) {
        var kinds = java.util.stream.Stream.of("run", "command", "exec", "manual", "notify", "wait").filter(fields::has).toList();
        if (kinds.size() != 1) {
            problems.at(fields.node(), fields.path(), "a step needs exactly one of run, command, exec, manual, notify, wait", "e.g. {name: vacuum, run: pg.vacuum db}");
            return null;
        }
        var name = fields.string("name");
        var onFailure = Step.OnFailure.valueOf(fields.string("onFailure").toUpperCase(Locale.ROOT));
        switch (kinds.get(0)) {
            case "run" -> {
                try {
                    var requires = Optional.ofNullable(fields.string("requires"));
                    if (requires.isPresent() && !lookup.targets().containsKey(requires.get())) {
                        problems.at(fields.nodeOf("requires"), fields.pathOf("requires"), "no target named '" + requires.get() + "'",
                                Suggestions.didYouMean(requires.get(), lookup.targets().keySet()));
                        return null;
                    }
                    return new Step.Run(name, phase, onFailure, lookup.parse(fields.string("run")), fields.duration("timeout"), requires);
                } catch (IllegalArgumentException e) {
                    problems.at(fields.nodeOf("run"), fields.pathOf("run"), e.getMessage(), null);
                    return null;
                }
            }
            case "command", "exec" -> {
                var settings = dev.tend.command.CommandFields.bind(fields.object(kinds.get(0)), kinds.get(0).equals("exec"), lookup.targets(), problems);
                if (settings == null) return null;
                var requires = Optional.ofNullable(fields.string("requires"));
                // The command stops itself at its own timeout; the step allows a minute more for the stopping.
                var timeout = fields.given("timeout") ? fields.duration("timeout") : settings.timeout().plusMinutes(1);
                return new Step.Run(name, phase, onFailure, new dev.tend.command.CommandAction(settings), timeout, requires);
            }
            case "manual" -> {
                if (!fields.has("role")) {
                    problems.at(fields.nodeOf("manual"), fields.pathOf("manual"), "a manual step needs the role that signs it off", "add role: System Administrator");
                    return null;
                }
                return new Step.Manual(name, phase, onFailure, fields.string("manual"), fields.string("role"), false);
            }
            case "notify" -> {
                return new Step.Notify(name, phase, onFailure, fields.string("notify"));
            }
            default -> {
                return new Step.Wait(name, phase, onFailure, fields.duration("wait"));
            }
        }
    }
}
