package dev.tend.logs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One {@code logs:} entry: where its lines are — file globs (resolved against the config's
 * directory) or a container through its Docker engine — their format (detected when not named),
 * and what counts as slow and as an error.
 */
public record LogSourceSettings(String name, List<String> files, Optional<Container> container, Optional<String> format, Duration slowRequest,
        LogLevel level, Duration timeout, Optional<LogCheckSettings> check, Optional<RotateSettings> rotate) {
    public static final Duration DEFAULT_SLOW = Duration.ofSeconds(1);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** A container's logs: the docker target's engine socket and the container's name. */
    public record Container(String target, Path socket, String name) {}

    /** A path given on the command line instead of a name: everything detected, the defaults for the rest. */
    public static LogSourceSettings ofPath(String path) {
        return new LogSourceSettings(path, List.of(path), Optional.empty(), Optional.empty(), DEFAULT_SLOW, LogLevel.ERROR, DEFAULT_TIMEOUT, Optional.empty(), Optional.empty());
    }

    /** Where the lines come from, for messages. */
    public String describe() {
        return container.map(found -> "container " + found.name() + " (" + found.target() + ")").orElse(String.join(", ", files));
    }
}
