package dev.tend.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finding a program as a shell would: the first executable of that name on the PATH Tend was given. */
public final class Executables {
    private static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

    private Executables() {}

    /** The program {@code name} on {@code path} (a PATH value; the usual directories when null). */
    public static Optional<Path> onPath(String path, String name) {
        for (var directory : (path == null ? DEFAULT_PATH : path).split(":")) {
            if (directory.isBlank()) continue;
            var candidate = Path.of(directory, name);
            if (Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
