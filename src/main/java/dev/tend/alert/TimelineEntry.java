package dev.tend.alert;

import java.time.Instant;

/** One line of an incident's timeline: when, who, what kind, and what happened. */
public record TimelineEntry(Instant at, String actor, String kind, String detail) {}
