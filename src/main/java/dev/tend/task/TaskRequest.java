package dev.tend.task;

import java.time.Duration;
import java.util.Optional;

/** What the operator asked for: the scope, whether only to plan, and the statement timeout. */
public record TaskRequest(Optional<String> schema, Optional<String> table, boolean dryRun, Duration timeout) {}
