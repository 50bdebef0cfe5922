package dev.tend.backup;

import java.time.Duration;

/** Opens the destination a backup's settings name. */
final class Destinations {
    private Destinations() {}

    static Destination open(BackupSettings settings) {
        return switch (settings.location()) {
            case BackupLocation.Local local -> new LocalDestination(local.directory(), settings.name());
            case BackupLocation.S3 s3 -> new S3Destination(s3, settings.name(), Duration.ofMinutes(5));
        };
    }
}
