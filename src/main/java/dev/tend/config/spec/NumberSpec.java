package dev.tend.config.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;

/** A number within bounds; {@code wholeOnly} for counts and ports. Reads as Long or Double. */
public record NumberSpec(boolean wholeOnly, double min, double max) implements Spec {

    public static NumberSpec whole(long min, long max) {
        return new NumberSpec(true, min, max);
    }

    public static NumberSpec decimal(double min, double max) {
        return new NumberSpec(false, min, max);
    }

    @Override
    public Object read(Node node, String path, ReadContext context) {
        var scalar = Scalars.scalar(node, path, context, expected()).orElse(null);
        if (scalar == null) return null;
        var tag = scalar.getTag();
        boolean fits = tag.equals(Tag.INT) || (!wholeOnly && tag.equals(Tag.FLOAT));
        if (!fits) {
            context.problems().at(node, path, "expected " + expected() + ", found " + Scalars.describe(scalar), null);
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(scalar.getValue().replace("_", ""));
        } catch (NumberFormatException e) {
            context.problems().at(node, path, "expected " + expected() + ", found " + Scalars.describe(scalar), null);
            return null;
        }
        if (value < min || value > max) {
            context.problems().at(node, path, scalar.getValue() + " is out of range",
                    "use a value from " + format(min) + " to " + format(max));
            return null;
        }
        return wholeOnly ? (Object) (long) value : (Object) value;
    }

    private String format(double bound) {
        return bound == Math.rint(bound) ? String.valueOf((long) bound) : String.valueOf(bound);
    }

    @Override
    public Map<String, Object> jsonSchema() {
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", wholeOnly ? "integer" : "number");
        schema.put("minimum", wholeOnly ? (Object) (long) min : (Object) min);
        schema.put("maximum", wholeOnly ? (Object) (long) max : (Object) max);
        return schema;
    }

    @Override
    public String expected() {
        return wholeOnly ? "a whole number" : "a number";
    }
}
