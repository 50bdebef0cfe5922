package dev.tend.config;

import dev.tend.config.spec.Fields;
import dev.tend.config.spec.Problems;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a section binds from: its own value as read (a mapping's {@link Fields}, a list, or null
 * when absent), where problems go, the platform's time zone, the config file's directory, and
 * the sections bound before it.
 */
public final class SectionBinding {
    private final Object value;
    private final Problems problems;
    private final ZoneId zone;
    private final Path baseDirectory;
    private final Map<String, Object> bound;
    private final Map<String, Set<String>> names;

    SectionBinding(Object value, Problems problems, ZoneId zone, Path baseDirectory, Map<String, Object> bound, Map<String, Set<String>> names) {
        this.value = value;
        this.problems = problems;
        this.zone = zone;
        this.baseDirectory = baseDirectory;
        this.bound = bound;
        this.names = names;
    }

    /** The section as a mapping (null when absent or unreadable). */
    public Fields fields() {
        return value instanceof Fields fields ? fields : null;
    }

    /** The section as a list of mappings, the unreadable entries left out. */
    public List<Fields> entries() {
        return value instanceof List<?> list ? list.stream().filter(Fields.class::isInstance).map(Fields.class::cast).toList() : List.of();
    }

    /** The section's value as its spec read it. */
    public Object value() {
        return value;
    }

    public Problems problems() {
        return problems;
    }

    public ZoneId zone() {
        return zone;
    }

    public Path baseDirectory() {
        return baseDirectory;
    }

    /** The settings of a section bound before this one (the registry guarantees the order); null if it bound nothing. */
    @SuppressWarnings("unchecked")
    public <T> T get(SectionKey<T> key) {
        if (!bound.containsKey(key.name())) throw new IllegalStateException("section " + key.name() + " is not bound yet; declare it in after()");
        return (T) bound.get(key.name());
    }

    /** The names a section bound before this one offers for reference. */
    public Set<String> names(String key) {
        return Objects.requireNonNullElse(names.get(key), Set.of());
    }
}
