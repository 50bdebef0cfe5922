package dev.tend.alert.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Notifier kinds by name; the built-in list is the registry's (registry/BuiltIn): one class plus one line there. */
public final class NotifierTypes {
    private final Map<String, NotifierType> byName = new LinkedHashMap<>();

    public NotifierTypes(List<NotifierType> types) {
        types.forEach(type -> byName.put(type.name(), type));
    }

    public Map<String, NotifierType> byName() {
        return byName;
    }
}
