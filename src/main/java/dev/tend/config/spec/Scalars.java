package dev.tend.config.spec;

import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Small helpers shared by the scalar specs. */
final class Scalars {
    private Scalars() {}

    /** The node as a scalar, or a problem saying what was found instead. */
    static Optional<ScalarNode> scalar(Node node, String path, ReadContext context, String expected) {
        if (node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)) {
            return Optional.of(scalar);
        }
        context.problems().at(node, path, "expected " + expected + ", found " + describe(node), null);
        return Optional.empty();
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) return "a mapping";
        if (node instanceof SequenceNode) return "a list";
        if (node instanceof ScalarNode scalar) {
            var tag = scalar.getTag();
            if (tag.equals(Tag.NULL)) return "nothing (null)";
            if (tag.equals(Tag.BOOL)) return "a boolean (" + scalar.getValue() + ")";
            if (tag.equals(Tag.INT)) return "a whole number (" + scalar.getValue() + ")";
            if (tag.equals(Tag.FLOAT)) return "a number (" + scalar.getValue() + ")";
            return "the text \"" + abbreviate(scalar.getValue()) + "\"";
        }
        return "something else";
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
