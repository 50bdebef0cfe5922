package dev.tend.config.spec;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/** A duration written with its unit: 500ms, 5s, 2m, 1h, 7d. A bare number is refused: 5 what? */
public record DurationSpec(Duration min, Duration max) implements Spec {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final String HINT = "write a number and a unit: 500ms, 5s, 2m, 1h or 7d";

    public static DurationSpec between(Duration min, Duration max) {
        return new DurationSpec(min, max);
    }

    public static Duration parse(String text) {
        var matcher = FORMAT.matcher(text.trim());
        if (!matcher.matches()) return null;
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    @Override
    public Object read(Node node, String path, ReadContext context) {
        var scalar = Scalars.scalar(node, path, context, expected()).orElse(null);
        if (scalar == null) return null;
        Duration value;
        try {
            value = parse(scalar.getValue());
        } catch (NumberFormatException | ArithmeticException e) {
            value = null;
        }
        if (value == null) {
            context.problems().at(node, path, "\"" + scalar.getValue() + "\" is not a duration", HINT);
            return null;
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            context.problems().at(node, path, scalar.getValue() + " is out of range",
                    "use a duration from " + text(min) + " to " + text(max));
            return null;
        }
        return value;
    }

    private static String text(Duration duration) {
        if (duration.toMillis() < 1000) return duration.toMillis() + "ms";
        if (duration.toSeconds() < 120) return duration.toSeconds() + "s";
        if (duration.toMinutes() < 120) return duration.toMinutes() + "m";
        return duration.toHours() + "h";
    }

    @Override
    public Map<String, Object> jsonSchema() {
        return Map.of("type", "string", "pattern", "^" + FORMAT.pattern() + "$");
    }

    @Override
    public String expected() {
        return "a duration such as 5s";
    }
}
