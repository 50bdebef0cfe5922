package dev.tend.config.spec;

import dev.tend.config.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The values read from one YAML mapping, with where each came from, so that checks made after
 * reading (references, URLs) can still point at the right line and column.
 */
public record Fields(String path, Node node, Map<String, Object> values, Map<String, Node> nodes) {

    public boolean has(String key) {
        return values.get(key) != null;
    }

    /** Whether the key was written in the file, even if its value turned out to be invalid. */
    public boolean given(String key) {
        return nodes.containsKey(key);
    }

    public String string(String key) {
        return (String) values.get(key);
    }

    public Optional<String> optionalString(String key) {
        return Optional.ofNullable(string(key));
    }

    public long whole(String key) {
        return ((Number) values.get(key)).longValue();
    }

    public double number(String key) {
        return ((Number) values.get(key)).doubleValue();
    }

    public Optional<Double> optionalNumber(String key) {
        return Optional.ofNullable((Number) values.get(key)).map(Number::doubleValue);
    }

    public boolean bool(String key) {
        return (Boolean) values.get(key);
    }

    public Duration duration(String key) {
        return (Duration) values.get(key);
    }

    public Optional<Secret> secret(String key) {
        return Optional.ofNullable((Secret) values.get(key));
    }

    public Fields object(String key) {
        return (Fields) values.get(key);
    }

    /** A value whose spec reads a type of its own (an address, say). */
    @SuppressWarnings("unchecked")
    public <T> T value(String key) {
        return (T) values.get(key);
    }

    public <T> List<T> list(String key) {
        return ListSpec.items(values.get(key));
    }

    /** Where a key's value was written, falling back to the mapping itself for defaults. */
    public Node nodeOf(String key) {
        return nodes.getOrDefault(key, node);
    }

    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
