package dev.tend.action;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The action kinds by name; the list of built-in kinds is the registry's (registry/BuiltIn): one class plus one line there. */
public final class Actions {
    private final Map<String, ActionType> byName = new LinkedHashMap<>();

    public Actions(List<ActionType> types) {
        types.forEach(type -> type.names().forEach(name -> byName.put(name, type)));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** "backup.create BACKUP": how the action is written. */
    public String usage(String name) {
        var type = byName.get(name);
        if (type == null) throw new IllegalArgumentException("unknown action '" + name + "'");
        return type.usage(name);
    }

    /** Parses "backup.create db"; IllegalArgumentException with the usage when it does not fit. */
    public Action parse(String text, ActionType.Lookup lookup) {
        var words = Arrays.stream(text.trim().split("\\s+")).filter(word -> !word.isEmpty()).toList();
        if (words.isEmpty()) throw new IllegalArgumentException("no action given");
        var type = byName.get(words.get(0));
        if (type == null) {
            throw new IllegalArgumentException("unknown action '" + words.get(0) + "'; actions: " + String.join(", ", names()));
        }
        return type.parse(words.get(0), words.subList(1, words.size()), lookup);
    }
}
