package dev.tend.maintenance;

import dev.tend.config.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How the platform is put into maintenance mode: a flag file its nginx checks (the shipped
 * snippet answers 503 with the maintenance page while it exists), or a URL of the application's
 * own switch, called with {@code {"maintenance": true|false}}.
 */
public record MaintenanceModeSettings(Optional<Path> file, Optional<URI> url, String method, Optional<Secret> token, Duration timeout) {}
