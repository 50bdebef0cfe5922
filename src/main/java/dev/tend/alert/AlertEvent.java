package dev.tend.alert;

import java.time.Instant;

/** One transition of an alert: fired, resolved, flapping, settled. */
public record AlertEvent(Instant at, String kind, String detail) {}
