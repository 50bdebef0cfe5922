package dev.tend.runbook;

import java.time.Instant;

/** A person's signature on one checklist item for one period: immutable evidence, with their comment. */
public record SignOff(String checklist, String item, Instant periodStart, String period, String person, String role, String comment,
        Instant signedAt) {}
