package dev.tend.backup;

/** Hears how long work goes: the CLI draws a progress bar on a terminal and plain lines otherwise. */
public interface BackupListener {

    /** A new phase starts; {@code expectedBytes} is a size hint for a byte-counting phase, or -1. */
    void phase(String description, long expectedBytes);

    /** Bytes done so far in the current phase. */
    void bytes(long done);

    /** The work is over (a bar is closed). */
    default void done() {}

    BackupListener SILENT = new BackupListener() {
        @Override
        public void phase(String description, long expectedBytes) {}

        @Override
        public void bytes(long done) {}
    };
}
