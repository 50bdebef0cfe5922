package dev.tend.runbook;

import java.util.List;
import java.util.Optional;

/** A checklist in use: recurring by cadence, or anchored before each opening of a window. */
public record ChecklistSettings(String name, String title, Optional<Cadence> cadence, Optional<String> window, List<ChecklistItem> items) {

    public Optional<ChecklistItem> item(String id) {
        return items.stream().filter(item -> item.id().equals(id)).findFirst();
    }
}
