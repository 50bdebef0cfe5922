package dev.tend.config;

import java.util.HashSet;
import java.util.List;

/**
 * The registered sections in the order they bind: each after the sections it refers to. The
 * order is the list's, and it is checked here, once, when the list is made.
 */
public final class ConfigSections {
    private final List<ConfigSection<?>> sections;

    public ConfigSections(List<ConfigSection<?>> sections) {
        var seen = new HashSet<String>(List.of("platform", "runner", "store"));
        for (var section : sections) {
            var key = section.key().name();
            if (!section.field().name().equals(key)) {
                throw new IllegalArgumentException("section " + key + " reads the key " + section.field().name());
            }
            for (var before : section.after()) {
                if (!seen.contains(before)) {
                    throw new IllegalArgumentException("section " + key + " refers to " + before + ", which must come before it in the list");
                }
            }
            if (!seen.add(key)) throw new IllegalArgumentException("section " + key + " is registered twice");
        }
        this.sections = List.copyOf(sections);
    }

    public List<ConfigSection<?>> inOrder() {
        return sections;
    }
}
