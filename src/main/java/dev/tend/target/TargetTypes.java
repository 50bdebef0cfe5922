package dev.tend.target;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Target kinds by name; the list of built-in kinds is the registry's (registry/BuiltIn): one class plus one line there. */
public final class TargetTypes {
    private final Map<String, TargetType> byName = new LinkedHashMap<>();

    public TargetTypes(List<TargetType> types) {
        types.forEach(type -> byName.put(type.name(), type));
    }

    public Map<String, TargetType> byName() {
        return byName;
    }
}
