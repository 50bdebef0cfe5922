package dev.tend.logs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One {@code logs:} entry: where its lines are (file globs, resolved against the config's
 * directory), their format (detected when not named), and what counts as slow and as an error.
 */
public record LogSourceSettings(String name, List<String> files, Optional<String> format, Duration slowRequest, LogLevel level) {
    public static final Duration DEFAULT_SLOW = Duration.ofSeconds(1);

    /** A path given on the command line instead of a name: everything detected, the defaults for the rest. */
    public static LogSourceSettings ofPath(String path) {
        return new LogSourceSettings(path, List.of(path), Optional.empty(), DEFAULT_SLOW, LogLevel.ERROR);
    }
}
