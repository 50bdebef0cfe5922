package dev.tend.logs.cleanup;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One {@code cleanup:} rule: under {@code path}, what matches {@code match} (a glob on the name)
 * and was last written more than {@code olderThan} ago is deleted or compressed, but the newest
 * {@code minKeep} matching entries always stay. With {@code directories}, matching directories
 * directly under {@code path} are the units (a checkpoint directory), old only when everything in
 * them is.
 */
public record CleanupRule(String name, Path path, String match, Duration olderThan, Action action, int minKeep, boolean directories) {

    public enum Action { DELETE, COMPRESS }
}
