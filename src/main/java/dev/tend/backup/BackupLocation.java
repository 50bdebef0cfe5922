package dev.tend.backup;

import dev.tend.storage.S3Target;
import java.nio.file.Path;

/** Where a backup's files live: a local directory or an S3 bucket and prefix. */
public sealed interface BackupLocation {

    /** Shown in output; never holds credentials. */
    String describe();

    record Local(Path directory) implements BackupLocation {
        @Override
        public String describe() {
            return directory.toString();
        }
    }

    record S3(S3Target s3, String bucket, String prefix) implements BackupLocation {
        @Override
        public String describe() {
            return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix) + " at " + s3.where();
        }
    }
}
