package dev.tend.backup;

import dev.tend.check.Failures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Backups in a directory: {@code ROOT/NAME/ID/}. A backup is written in {@code .tmp-ID/} and renamed
 * into place at the end, so a directory named by an id is always complete.
 */
final class LocalDestination implements Destination {
    static final String TEMP_PREFIX = ".tmp-";
    private final Path directory;

    LocalDestination(Path root, String name) {
        this.directory = root.resolve(name);
    }

    @Override
    public String describe() {
        return directory.toString();
    }

    @Override
    public AutoCloseable lock() {
        try {
            Files.createDirectories(directory);
            var channel = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            var lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new BackupException("another Tend process is writing or pruning backups in " + directory);
            }
            // The OS releases the lock when the process dies, so a killed backup never blocks the next.
            return () -> {
                lock.release();
                channel.close();
            };
        } catch (IOException e) {
            throw new BackupException("cannot lock " + directory + ": " + Failures.describe(e), e);
        }
    }

    @Override
    public boolean exclusive() {
        return true;
    }

    @Override
    public Staging stage(String id, long expectedBytes) {
        var temporary = directory.resolve(TEMP_PREFIX + id);
        try {
            Files.createDirectories(temporary);
        } catch (IOException e) {
            throw new BackupException("cannot create " + temporary + ": " + Failures.describe(e), e);
        }
        return new LocalStaging(temporary, directory.resolve(id));
    }

    @Override
    public java.util.Set<String> usedIds() {
        var ids = new java.util.HashSet<String>();
        for (var entry : entries()) {
            var folder = entry.getFileName().toString();
            ids.add(folder.startsWith(TEMP_PREFIX) ? folder.substring(TEMP_PREFIX.length()) : folder);
        }
        return ids;
    }


    /** Published backups: readable ones into {@code manifests}, the rest described in {@code damaged}. */
    @Override
    public Scan scan() {
        var manifests = new ArrayList<Manifest>();
        var damaged = new ArrayList<String>();
        for (var entry : entries()) {
            var folder = entry.getFileName().toString();
            if (folder.startsWith(".")) continue;
            var file = entry.resolve(Manifest.FILE);
            try {
                manifests.add(ManifestJson.read(Files.readAllBytes(file), file.toString(), folder));
            } catch (NoSuchFileException e) {
                damaged.add(entry + " (no manifest.json)");
            } catch (IOException | BackupException e) {
                damaged.add(entry + " (" + Failures.describe(e) + ")");
            }
        }
        return new Scan(manifests, damaged);
    }

    @Override
    public List<String> leftovers() {
        return entries().stream().filter(entry -> entry.getFileName().toString().startsWith(TEMP_PREFIX))
                .map(Path::toString).toList();
    }

    @Override
    public List<String> removeLeftovers(Instant now, Duration olderThan) {
        // The caller holds the lock, so no backup of this name is being written: every leftover is dead.
        var removed = leftovers();
        removed.forEach(path -> deleteTree(Path.of(path)));
        return removed;
    }

    @Override
    public Fetched fetch(Manifest manifest, Path workDirectory) {
        var backup = directory.resolve(manifest.id());
        var found = new ArrayList<Manifest.FileEntry>();
        for (var file : manifest.files()) {
            try (InputStream in = Files.newInputStream(backup.resolve(file.name()))) {
                found.add(Hashing.hash(file.name(), in));
            } catch (NoSuchFileException e) {
                found.add(new Manifest.FileEntry(file.name(), -1, ""));
            } catch (IOException e) {
                throw new BackupException("cannot read " + backup.resolve(file.name()) + ": " + Failures.describe(e), e);
            }
        }
        return new Fetched(backup, found, readOrEmpty(backup.resolve(Manifest.SUMS)), readOrEmpty(backup.resolve(Manifest.FILE)));
    }

    @Override
    public void delete(Manifest manifest) {
        // Renamed out of sight first: a half-deleted backup must never look complete.
        var backup = directory.resolve(manifest.id());
        var doomed = directory.resolve(TEMP_PREFIX + "deleting-" + manifest.id());
        try {
            Files.move(backup, doomed, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BackupException("cannot delete " + backup + ": " + Failures.describe(e), e);
        }
        deleteTree(doomed);
    }

    @Override
    public void probe() throws IOException {
        Files.createDirectories(directory);
        var probe = Files.createTempFile(directory, ".probe-", ".tmp");
        try {
            Files.writeString(probe, "tend write probe");
            if (!Files.readString(probe).equals("tend write probe")) throw new IOException("the probe file read back differently");
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    @Override
    public OptionalLong freeBytes() {
        try {
            var existing = directory;
            while (existing != null && !Files.exists(existing)) existing = existing.getParent();
            return existing == null ? OptionalLong.empty() : OptionalLong.of(Files.getFileStore(existing).getUsableSpace());
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private List<Path> entries() {
        if (!Files.isDirectory(directory)) return List.of();
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            throw new BackupException("cannot list " + directory + ": " + Failures.describe(e), e);
        }
    }

    private static byte[] readOrEmpty(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new byte[0];
        } catch (IOException e) {
            throw new BackupException("cannot read " + file + ": " + Failures.describe(e), e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    private static final class LocalStaging implements Staging {
        private final Path temporary;
        private final Path target;
        private final AutoCloseable onShutdown;
        private volatile boolean published;

        LocalStaging(Path temporary, Path target) {
            this.temporary = temporary;
            this.target = target;
            // Ctrl-C or SIGTERM: the staging area goes with the process (kill -9 leaves it to the next run).
            this.onShutdown = ShutdownHooks.register("remove " + temporary, () -> {
                if (!published) deleteTree(temporary);
            });
        }

        @Override
        public Path directory() {
            return temporary;
        }

        @Override
        public OutputStream create(String name) throws IOException {
            var file = temporary.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }

        @Override
        public void publish(List<Manifest.FileEntry> files, byte[] manifest, byte[] sums) throws IOException {
            Files.write(temporary.resolve(Manifest.FILE), manifest, StandardOpenOption.CREATE_NEW);
            Files.write(temporary.resolve(Manifest.SUMS), sums, StandardOpenOption.CREATE_NEW);
            syncTree(temporary);
            if (Files.exists(target)) throw new BackupException(target + " already exists");
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new BackupException("cannot publish " + target + " atomically: " + Failures.describe(e), e);
            }
            published = true;
        }

        /** The data reaches the disk before the rename that makes it count, so a power cut cannot publish half a dump. */
        private static void syncTree(Path root) throws IOException {
            try (Stream<Path> paths = Files.walk(root)) {
                for (var path : paths.toList()) {
                    if (Files.isRegularFile(path)) {
                        try (var channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
                            channel.force(true);
                        }
                    }
                }
            }
        }

        @Override
        public void close() {
            if (!published) deleteTree(temporary);
            ShutdownHooks.closeQuietly(onShutdown);
        }
    }
}
