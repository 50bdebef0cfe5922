package dev.tend.audit;

import java.time.Duration;
import java.util.Optional;

/**
 * One {@code rotations:} entry: a secret or key rotated every {@code every}, owned by a role or a
 * person; {@code schedule}, when set, names the schedule whose successful run is a rotation (a
 * command step that rotates the key).
 */
public record RotationSettings(String name, Duration every, String owner, Optional<String> schedule) {}
