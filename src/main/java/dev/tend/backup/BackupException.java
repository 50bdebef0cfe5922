package dev.tend.backup;

/** A backup, verification or restore could not be done; the message says what and where, without secrets. */
public class BackupException extends RuntimeException {
    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
