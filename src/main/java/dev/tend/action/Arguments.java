package dev.tend.action;

import dev.tend.config.spec.DurationSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An action's words after its name, as in {@code http.load api --requests 100 --concurrency 10}:
 * positional words, flags, and options with a value. Anything it does not know is an error that
 * names the action and its usage, so a typo in a schedule fails at load, not at 03:00.
 */
public final class Arguments {
    private final String action;
    private final String usage;
    private final List<String> positional = new ArrayList<>();
    private final Set<String> flags = new HashSet<>();
    private final Map<String, String> options = new HashMap<>();

    private Arguments(String action, String usage) {
        this.action = action;
        this.usage = usage;
    }

    /** Reads {@code words}: {@code flags} stand alone, {@code valued} take the next word (or {@code --name=value}). */
    public static Arguments read(String action, String usage, List<String> words, Set<String> flags, Set<String> valued) {
        var arguments = new Arguments(action, usage);
        for (int i = 0; i < words.size(); i++) {
            var word = words.get(i);
            if (!word.startsWith("--")) {
                arguments.positional.add(word);
                continue;
            }
            int equals = word.indexOf('=');
            var name = equals > 0 ? word.substring(0, equals) : word;
            if (flags.contains(name) && equals < 0) {
                arguments.flags.add(name);
            } else if (valued.contains(name)) {
                String value;
                if (equals > 0) {
                    value = word.substring(equals + 1);
                } else if (i + 1 < words.size()) {
                    value = words.get(++i);
                } else {
                    throw arguments.problem(name + " needs a value");
                }
                if (arguments.options.put(name, value) != null) throw arguments.problem(name + " is given twice");
            } else {
                throw arguments.problem("unknown option " + name);
            }
        }
        return arguments;
    }

    public List<String> positional() {
        return List.copyOf(positional);
    }

    /** Exactly {@code count} positional words, or the usage. */
    public List<String> positional(int count) {
        if (positional.size() != count) {
            throw problem(count == 1 ? "takes one " + (positional.isEmpty() ? "argument" : "argument, not " + positional.size()) : "takes "
                    + count + " arguments, not " + positional.size());
        }
        return positional();
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public long whole(String name, long fallback, long min, long max) {
        var text = options.get(name);
        if (text == null) return fallback;
        try {
            long value = Long.parseLong(text);
            if (value < min || value > max) throw problem(name + " must be between " + min + " and " + max + ", not " + value);
            return value;
        } catch (NumberFormatException e) {
            throw problem(name + ": '" + text + "' is not a whole number");
        }
    }

    public Duration duration(String name, Duration fallback) {
        var text = options.get(name);
        if (text == null) return fallback;
        var value = DurationSpec.parse(text);
        if (value == null || value.isNegative() || value.isZero()) throw problem(name + ": '" + text + "' is not a duration such as 30s or 10m");
        return value;
    }

    /**
     * The positional word at {@code index} as a target of this kind (its {@code type:} given as
     * {@code typeName} for the message): the target, or the usage with what the name is instead.
     */
    public <T extends dev.tend.target.Target> T target(int index, ActionType.Lookup lookup, Class<T> kind, String typeName) {
        if (positional.size() <= index) throw problem("needs a " + typeName + " target");
        var name = positional.get(index);
        var target = lookup.targets().get(name);
        if (target == null) throw problem("no target named '" + name + "'");
        if (!kind.isInstance(target)) throw problem("'" + name + "' is a " + target.settings().type() + " target, not " + typeName);
        return kind.cast(target);
    }

    /** An IllegalArgumentException naming the action, what is wrong and the usage. */
    public IllegalArgumentException problem(String what) {
        return new IllegalArgumentException(action + ": " + what + "; write " + usage);
    }
}
