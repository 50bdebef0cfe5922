package dev.tend.config.spec;

import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/** A size in bytes written with a unit: 512MB, 10GiB, 2TB. Reads as a Long byte count. */
public record SizeSpec() implements Spec {
    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)");

    public static Long parse(String text) {
        var matcher = FORMAT.matcher(text.trim());
        if (!matcher.matches()) return null;
        double amount = Double.parseDouble(matcher.group(1));
        double factor = switch (matcher.group(2)) {
            case "B" -> 1;
            case "KB" -> 1e3;
            case "MB" -> 1e6;
            case "GB" -> 1e9;
            case "TB" -> 1e12;
            case "KiB" -> 1L << 10;
            case "MiB" -> 1L << 20;
            case "GiB" -> 1L << 30;
            default -> 1L << 40;
        };
        return (long) (amount * factor);
    }

    @Override
    public Object read(Node node, String path, ReadContext context) {
        var scalar = Scalars.scalar(node, path, context, expected()).orElse(null);
        if (scalar == null) return null;
        var value = parse(scalar.getValue());
        if (value == null) {
            context.problems().at(node, path, "\"" + scalar.getValue() + "\" is not a size",
                    "write a number and a unit: 500MB, 10GB, 2TiB");
        }
        return value;
    }

    @Override
    public Map<String, Object> jsonSchema() {
        return Map.of("type", "string", "pattern", "^" + FORMAT.pattern() + "$");
    }

    @Override
    public String expected() {
        return "a size such as 10GB";
    }
}
