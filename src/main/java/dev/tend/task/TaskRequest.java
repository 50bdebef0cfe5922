package dev.tend.task;

import java.time.Duration;
import java.util.Optional;

/**
 * What the operator asked for: the scope (schema, table), only a plan (dry run), past a closed
 * maintenance window (force), the statement timeout, and for session tasks the idle threshold.
 */
public record TaskRequest(
        Optional<String> schema, Optional<String> table, boolean dryRun, boolean force, Duration timeout, Duration idleFor) {}
