package dev.tend.config;

import dev.tend.backup.BackupsSection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A loaded, validated tend.yaml. The core (platform, runner, store) is here by name; every other
 * section is its feature's, reached through its {@link SectionKey} (e.g. {@code BackupsSection.of(config)}),
 * so this record knows none of them. Secrets inside are resolved but only reachable via {@link Secret}.
 */
public record TendConfig(Path source, PlatformSettings platform, int concurrency, StoreSettings store, Redactor redactor,
        Map<String, Object> sections) {

    /** A section's bound settings; null when the section bound nothing. */
    @SuppressWarnings("unchecked")
    public <T> T section(SectionKey<T> key) {
        return (T) sections.get(key.name());
    }

    /** A list section's entries; empty when it bound nothing. */
    public <T> List<T> list(SectionKey<List<T>> key) {
        var entries = section(key);
        return entries == null ? List.of() : entries;
    }

    /** The entry of a list section with this name. */
    public <T> Optional<T> named(SectionKey<List<T>> key, Function<T, String> name, String wanted) {
        return list(key).stream().filter(entry -> wanted.equals(name.apply(entry))).findFirst();
    }
}
