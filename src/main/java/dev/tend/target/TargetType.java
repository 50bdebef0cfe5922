package dev.tend.target;

import dev.tend.config.spec.Field;
import java.util.List;

/**
 * One kind of target. Adding a kind is this interface implemented once plus one line in
 * {@link TargetTypes}: its fields feed the validator and the JSON Schema, its bind builds the target.
 */
public interface TargetType {

    /** The value of {@code type:} in tend.yaml. */
    String name();

    /** One line for the schema and documentation. */
    String summary();

    /** The keys this type accepts besides the common ones (name, type, timeout, ...). */
    List<Field> fields();

    /** Builds the target, or reports problems through the binding and returns null. */
    Target bind(TargetBinding binding);
}
