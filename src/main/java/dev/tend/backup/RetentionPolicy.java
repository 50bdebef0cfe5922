package dev.tend.backup;

import java.time.Duration;
import java.util.Optional;

/**
 * Grandfather-father-son: every backup is kept for {@code daily}, the newest of each week for
 * {@code weekly}, and, when set, the newest of each month for {@code monthly}.
 */
public record RetentionPolicy(Duration daily, Duration weekly, Optional<Duration> monthly) {}
