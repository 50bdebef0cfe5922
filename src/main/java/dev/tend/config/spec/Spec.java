package dev.tend.config.spec;

import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The shape of one configuration value. A spec both reads a YAML node (reporting every problem,
 * never throwing) and describes itself as JSON Schema, so the validator and the schema published
 * for editors can never disagree.
 */
public interface Spec {

    /** Reads the node; returns null and records a problem when it does not fit. */
    Object read(Node node, String path, ReadContext context);

    /** This spec as a JSON Schema fragment. */
    Map<String, Object> jsonSchema();

    /** A few words naming what is expected, for error messages ("a whole number"). */
    String expected();
}
