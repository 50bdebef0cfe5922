package dev.tend.config;

import dev.tend.config.spec.Field;
import java.util.List;
import java.util.Set;

/**
 * One top-level section of tend.yaml that a feature owns: its key, its spec (which reads and
 * validates it and renders its JSON Schema), the sections it refers to, and how it binds into
 * typed settings. A feature adds one class implementing this and one line in the registry's list.
 */
public interface ConfigSection<T> {

    SectionKey<T> key();

    /** The key as read: its spec, default and description. Its name is {@code key().name()}. */
    Field field();

    /** The keys of the sections this one refers to; they bind before it (the registry's list checks the order). */
    default List<String> after() {
        return List.of();
    }

    /**
     * The typed settings, with every problem reported to {@link SectionBinding#problems()}. Runs
     * even when earlier sections had problems, so one load reports them all; may return null when
     * its own problems leave nothing to bind.
     */
    T bind(SectionBinding binding);

    /** The names other sections may refer to (targets, backups, windows...); none by default. */
    default Set<String> names(T settings) {
        return Set.of();
    }
}
