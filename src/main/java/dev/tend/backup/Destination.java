package dev.tend.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where the backups of one name live. A backup becomes visible (listed, verifiable, restorable)
 * only once it is complete: until {@link Staging#publish} nothing of it is listed.
 */
public interface Destination {

    String describe();

    /** Keeps other Tend processes from writing or pruning this backup name while held. */
    AutoCloseable lock();

    /** Starts a backup; {@code expectedBytes} (a hint, may be -1) sizes upload parts. */
    Staging stage(String id, long expectedBytes);

    /** Whether {@link #lock} really excludes other writers (a directory) or not (S3, where ids get a random suffix). */
    boolean exclusive();

    /** Backups whose manifest cannot be read or does not fit its place: shown, never counted, never deleted by Tend. */
    default List<String> damaged() {
        return scan().damaged();
    }

    /** Every id in use, readable or not, complete or not: a new backup must take another. */
    java.util.Set<String> usedIds();

    /** The published backups: those that can be used, and those that cannot (described for people). */
    Scan scan();

    record Scan(List<Manifest> readable, List<String> damaged) {}

    /** Complete backups, newest first. */
    default List<Manifest> list() {
        var manifests = new java.util.ArrayList<>(scan().readable());
        manifests.sort(java.util.Comparator.comparing(Manifest::startedAt).reversed());
        return manifests;
    }

    /** Pieces of backups that never completed (a crash, a kill), described for people. */
    List<String> leftovers();

    /** Removes leftovers older than {@code olderThan} (no running backup can be that old); returns what went. */
    List<String> removeLeftovers(Instant now, Duration olderThan);

    /** Reads each file of a backup, hashing it; remote files are copied into {@code workDirectory} on the way. */
    Fetched fetch(Manifest manifest, Path workDirectory);

    void delete(Manifest manifest);

    /** Writes, reads back and deletes a small object: proves the destination takes backups. */
    void probe() throws IOException;

    /** Free space where backups are written, when the destination has such a notion. */
    OptionalLong freeBytes();

    /** A backup being written. Closing it without publishing removes everything it wrote. */
    interface Staging extends AutoCloseable {
        /** A local directory the dump may write into (for S3, a scratch directory uploaded at publish). */
        Path directory();

        /** Streams one file into place; close it to keep it, or {@link #abandon} it after a failure. */
        OutputStream create(String name) throws IOException;

        /** Drops a file that failed midway: an S3 upload is aborted rather than completed. */
        static void abandon(OutputStream out) {
            try {
                if (out instanceof MultipartUpload upload) upload.abort(); else out.close();
            } catch (IOException ignored) {
                // the staging area is removed anyway
            }
        }

        /** Adds the manifest and SHA256SUMS and makes the backup visible, in one step where the destination allows. */
        void publish(List<Manifest.FileEntry> files, byte[] manifest, byte[] sums) throws IOException;

        @Override
        void close();
    }

    /**
     * A backup's files as found: where they now are on local disk, what each actually hashed to,
     * and the SHA256SUMS and manifest bytes stored with it.
     */
    record Fetched(Path directory, List<Manifest.FileEntry> found, byte[] sums, byte[] manifest) {}
}
