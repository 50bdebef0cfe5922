package dev.tend.target;

import dev.tend.config.spec.Fields;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.ReadContext;
import dev.tend.config.spec.Spec;
import dev.tend.config.spec.UnionSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * One entry of {@code targets:}: chooses the type's spec by {@code type:}, reads it, and binds it
 * into a {@link Target} when reading found nothing wrong. Reads as a {@link TargetEntry}.
 */
public final class TargetSpec implements Spec {
    private final TargetTypes types;
    private final UnionSpec union;

    /**
     * One entry as read: its name (when one could be read, so references to a broken target do not
     * cause a second, misleading error), its fields (null when its type was unusable) and the
     * target (null when it could not be built).
     */
    public record TargetEntry(String name, Node node, Fields fields, Target target) {}

    public TargetSpec(TargetTypes types) {
        this.types = types;
        var variants = new LinkedHashMap<String, ObjectSpec>();
        types.byName().forEach((name, type) ->
                variants.put(name, new ObjectSpec(type.summary(), type.fields()).with(CommonFields.fields())));
        this.union = new UnionSpec("type", variants);
    }

    @Override
    public Object read(Node node, String path, ReadContext context) {
        int before = context.problems().count();
        var fields = (Fields) union.read(node, path, context);
        if (fields == null) return new TargetEntry(nameOf(node), node, null, null);
        var type = types.byName().get(fields.string("type"));
        Target target;
        if (context.problems().count() == before) {
            target = type.bind(new TargetBinding(CommonFields.settings(fields), fields, context.problems()));
        } else {
            // Bind anyway so its own objections (a password in a URL, say) are reported in the same
            // run, and keep what binds: the load fails on the problems already found, but backups,
            // schedules and runbooks naming this target are checked as usual instead of each
            // reporting it missing. A binder that trips over a value already reported adds nothing.
            try {
                target = type.bind(new TargetBinding(CommonFields.settings(fields), fields, context.problems()));
            } catch (RuntimeException trippedOverABadValue) {
                target = null; // the shape problems already explain it
            }
        }
        return new TargetEntry(fields.string("name"), node, fields, target);
    }

    private static String nameOf(Node node) {
        if (!(node instanceof MappingNode mapping)) return null;
        return mapping.getValue().stream()
                .filter(tuple -> tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("name"))
                .map(tuple -> tuple.getValueNode() instanceof ScalarNode value ? value.getValue() : null)
                .findFirst().orElse(null);
    }

    @Override
    public Map<String, Object> jsonSchema() {
        return union.jsonSchema();
    }

    @Override
    public String expected() {
        return union.expected();
    }
}
