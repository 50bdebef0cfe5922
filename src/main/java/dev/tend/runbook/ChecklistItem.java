package dev.tend.runbook;

import java.time.Duration;
import java.util.Optional;

/**
 * One line of a checklist: what to do, which role answers for it, what evidence ticks it on its
 * own (if any), and — on a pre-maintenance checklist — how long before the window it is due.
 */
public record ChecklistItem(String id, String text, String role, Optional<Evidence> evidence, Optional<Duration> before) {

    public ChecklistItem withEvidence(Evidence linked) {
        return new ChecklistItem(id, text, role, Optional.of(linked), before);
    }
}
