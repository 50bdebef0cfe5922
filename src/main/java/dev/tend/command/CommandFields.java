package dev.tend.command;

import dev.tend.config.Secret;
import dev.tend.config.spec.BooleanSpec;
import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.EnumSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.MapSpec;
import dev.tend.config.spec.NumberSpec;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.PathSpec;
import dev.tend.config.spec.Problems;
import dev.tend.config.spec.SizeSpec;
import dev.tend.config.spec.StringSpec;
import dev.tend.docker.DockerTarget;
import dev.tend.target.Target;
import dev.tend.task.Impact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of a command as tend.yaml writes it: {@code command:} (on Tend's machine), {@code exec:}
 * (in a container), and the {@code command} target type. One place, so the three read alike.
 */
public final class CommandFields {
    private CommandFields() {}

    /** The keys every command has; {@code defaultTimeout} differs (a check is short, a migration long). */
    public static List<Field> common(String defaultTimeout, boolean inContainer) {
        return List.of(
                Field.required("argv", ListSpec.nonEmpty(StringSpec.any()), "the program and its arguments, e.g. [python, -m, app.db, migrate]"),
                Field.withDefault("shell", new BooleanSpec(), "false", "run argv's one line with /bin/sh -c (pipes, globs); otherwise no shell is involved"),
                inContainer ? Field.optional("dir", StringSpec.any(), "working directory in the container")
                        : Field.optional("dir", new PathSpec(false), "working directory (relative to this file)"),
                Field.optional("env", new MapSpec(new dev.tend.config.spec.ValueOrSecretSpec()),
                        "environment variables; a value may be a secret (\"${env:API_TOKEN}\"), redacted from output"),
                Field.withDefault("timeout", DurationSpec.between(Duration.ofSeconds(1), Duration.ofDays(1)), defaultTimeout,
                        "the longest it may run; at the bound it is stopped with every process it started"),
                Field.withDefault("okExitCodes", ListSpec.nonEmpty(NumberSpec.whole(0, 255)), "[0]", "exit codes that mean success"),
                Field.withDefault("outputLimit", new SizeSpec(), "64KB", "output kept (its first and last halves)"));
    }

    /** {@code command:} as a step or schedule: the common keys, its impact, and the target it acts on. */
    public static ObjectSpec commandSpec() {
        var fields = new ArrayList<>(common("10m", false));
        fields.add(impact());
        fields.add(Field.optional("target", StringSpec.any(), "the target it acts on: a disruptive command waits for a window covering it"));
        return ObjectSpec.of("a command run on Tend's machine", fields.toArray(Field[]::new));
    }

    /** {@code exec:}: the common keys, the docker target and container, optionally the user. */
    public static ObjectSpec execSpec() {
        var fields = new ArrayList<>(common("10m", true));
        fields.add(impact());
        fields.add(Field.required("target", StringSpec.any(), "the docker target whose engine runs it"));
        fields.add(Field.required("container", StringSpec.any(), "the running container's name or id"));
        fields.add(Field.optional("user", StringSpec.any(), "the user in the container (default: the container's)"));
        return ObjectSpec.of("a command run inside a container through the Engine API", fields.toArray(Field[]::new));
    }

    private static Field impact() {
        return Field.withDefault("impact", EnumSpec.of("online", "disruptive"), "disruptive",
                "disruptive (the default: it runs only inside a window) or online (safe while users work)");
    }

    /** Reads {@code command:} or {@code exec:}; null after reporting what is wrong. */
    public static CommandSettings bind(Fields fields, boolean exec, Map<String, Target> targets, Problems problems) {
        var env = new LinkedHashMap<String, CommandSettings.EnvValue>();
        Map<String, Object> given = fields.value("env");
        if (given != null) {
            given.forEach((name, value) -> env.put(name, value instanceof Secret secret ? new CommandSettings.EnvValue(null, secret)
                    : new CommandSettings.EnvValue((String) value, null)));
        }
        var codes = new LinkedHashSet<Integer>();
        for (Object code : fields.list("okExitCodes")) codes.add(((Number) code).intValue());
        var target = fields.optionalString("target");
        if (target.isPresent() && !targets.containsKey(target.get())) {
            problems.at(fields.nodeOf("target"), fields.pathOf("target"), "no target named '" + target.get() + "'",
                    dev.tend.config.spec.Suggestions.didYouMean(target.get(), targets.keySet()));
            return null;
        }
        Optional<CommandSettings.InContainer> container = Optional.empty();
        if (exec) {
            if (target.isEmpty() || fields.string("container") == null) return null; // the missing key was reported
            if (!(targets.get(target.get()) instanceof DockerTarget)) {
                problems.at(fields.nodeOf("target"), fields.pathOf("target"), "'" + target.get() + "' is not a docker target", "exec runs through a docker target's engine");
                return null;
            }
            container = Optional.of(new CommandSettings.InContainer(target.get(), fields.string("container"), fields.optionalString("user")));
        }
        List<String> argv = fields.list("argv");
        if (argv == null || argv.isEmpty() || argv.contains(null)) return null; // each bad word was reported where it is
        boolean shell = fields.bool("shell");
        if (shell && argv.size() != 1) {
            problems.at(fields.nodeOf("argv"), fields.pathOf("argv"), "with shell: true, argv is one line for /bin/sh -c", "e.g. argv: [\"pg_dump db | gzip > db.sql.gz\"]");
            return null;
        }
        java.nio.file.Path dir = exec ? fields.optionalString("dir").map(java.nio.file.Path::of).orElse(null) : fields.value("dir");
        // A command target has no timeout of its own (the target's bounds each check): the check sets it.
        var timeout = fields.has("timeout") ? fields.duration("timeout") : Duration.ofSeconds(30);
        return new CommandSettings(List.copyOf(argv), shell, Optional.ofNullable(dir), env, timeout, codes,
                fields.has("impact") ? Impact.valueOf(fields.string("impact").toUpperCase(Locale.ROOT)) : Impact.DISRUPTIVE, target,
                fields.whole("outputLimit"), container);
    }
}
