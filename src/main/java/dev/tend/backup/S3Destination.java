package dev.tend.backup;

import dev.tend.check.Failures;
import dev.tend.storage.S3Clients;
import dev.tend.storage.S3Errors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Backups in a bucket: {@code PREFIX/NAME/ID/FILE}. S3 has no rename, so manifest.json is written
 * last and a backup counts as complete only once it exists; the dump itself becomes an object only
 * when its multipart upload completes. Anything else under NAME/ is a leftover of an interrupted run.
 */
final class S3Destination implements Destination {
    private final BackupLocation.S3 location;
    private final String root;
    private final Duration timeout;

    S3Destination(BackupLocation.S3 location, String name, Duration timeout) {
        this.location = location;
        this.root = (location.prefix().isEmpty() ? "" : location.prefix() + "/") + name + "/";
        this.timeout = timeout;
    }

    @Override
    public String describe() {
        return "s3://" + location.bucket() + "/" + root.substring(0, root.length() - 1);
    }

    @Override
    public AutoCloseable lock() {
        // No lock on S3: leftovers are only removed once older than any backup may run (see removeLeftovers).
        return () -> {};
    }

    @Override
    public boolean exclusive() {
        return false;
    }

    @Override
    public Staging stage(String id, long expectedBytes) {
        Path directory;
        try {
            directory = Files.createTempDirectory("tend-s3-stage-");
        } catch (IOException e) {
            throw new BackupException("cannot create a staging directory: " + Failures.describe(e), e);
        }
        return new S3Staging(client(), location.bucket(), root + id + "/", directory, MultipartUpload.partSizeFor(expectedBytes));
    }

    @Override
    public java.util.Set<String> usedIds() {
        try (var s3 = client()) {
            var ids = new java.util.HashSet<String>();
            objects(s3).forEach(object -> ids.add(idOf(object.key())));
            return ids;
        }
    }


    @Override
    public Scan scan() {
        var manifests = new ArrayList<Manifest>();
        var damaged = new ArrayList<String>();
        try (var s3 = client()) {
            for (var object : objects(s3)) {
                var key = object.key();
                if (!key.substring(root.length()).matches("[^/]+/" + java.util.regex.Pattern.quote(Manifest.FILE))) continue;
                try {
                    manifests.add(ManifestJson.read(read(s3, key), describeKey(key), idOf(key)));
                } catch (BackupException e) {
                    damaged.add(describeKey(key) + " (" + Failures.describe(e) + ")");
                }
            }
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new BackupException("cannot list " + describe() + ": " + S3Errors.describe(e, location.s3(), location.bucket()), e);
        }
        return new Scan(manifests, damaged);
    }

    @Override
    public List<String> leftovers() {
        try (var s3 = client()) {
            return leftoverItems(s3).stream().map(Leftover::description).toList();
        }
    }

    @Override
    public List<String> removeLeftovers(Instant now, Duration olderThan) {
        var removed = new ArrayList<String>();
        try (var s3 = client()) {
            for (var leftover : leftoverItems(s3)) {
                if (leftover.since().isAfter(now.minus(olderThan))) continue; // may belong to a backup still running
                if (leftover.uploadId() != null) {
                    s3.abortMultipartUpload(request -> request.bucket(location.bucket()).key(leftover.key()).uploadId(leftover.uploadId()));
                } else {
                    s3.deleteObject(request -> request.bucket(location.bucket()).key(leftover.key()));
                }
                removed.add(leftover.description());
            }
        }
        return removed;
    }

    private record Leftover(String key, String uploadId, Instant since, String description) {}

    private List<Leftover> leftoverItems(S3Client s3) {
        var items = new ArrayList<Leftover>();
        var objects = objects(s3);
        Set<String> complete = new HashSet<>();
        objects.stream().map(S3Object::key).filter(key -> key.endsWith("/" + Manifest.FILE)).forEach(key -> complete.add(idOf(key)));
        for (var object : objects) {
            if (!complete.contains(idOf(object.key()))) {
                items.add(new Leftover(object.key(), null, object.lastModified(), describeKey(object.key()) + " (no manifest)"));
            }
        }
        s3.listMultipartUploadsPaginator(request -> request.bucket(location.bucket()).prefix(root)).uploads().forEach(upload ->
                items.add(new Leftover(upload.key(), upload.uploadId(), upload.initiated(), describeKey(upload.key()) + " (unfinished upload)")));
        return items;
    }

    @Override
    public Fetched fetch(Manifest manifest, Path workDirectory) {
        var prefix = root + manifest.id() + "/";
        var found = new ArrayList<Manifest.FileEntry>();
        try (var s3 = client()) {
            for (var file : manifest.files()) {
                var local = workDirectory.resolve(file.name());
                Files.createDirectories(local.getParent());
                try (InputStream in = s3.getObject(request -> request.bucket(location.bucket()).key(prefix + file.name()));
                        OutputStream out = Files.newOutputStream(local)) {
                    found.add(Hashing.copy(file.name(), in, out, bytes -> {}));
                } catch (NoSuchKeyException e) {
                    found.add(new Manifest.FileEntry(file.name(), -1, ""));
                }
            }
            return new Fetched(workDirectory, found, readOrEmpty(s3, prefix + Manifest.SUMS), read(s3, prefix + Manifest.FILE));
        } catch (IOException e) {
            throw new BackupException("cannot download " + describe() + "/" + manifest.id() + ": " + Failures.describe(e), e);
        }
    }

    @Override
    public void delete(Manifest manifest) {
        var prefix = root + manifest.id() + "/";
        try (var s3 = client()) {
            // The manifest goes first: from then on the backup is no longer listed as complete.
            s3.deleteObject(request -> request.bucket(location.bucket()).key(prefix + Manifest.FILE));
            for (var object : objects(s3)) {
                if (object.key().startsWith(prefix)) s3.deleteObject(request -> request.bucket(location.bucket()).key(object.key()));
            }
        }
    }

    @Override
    public void probe() throws IOException {
        var key = root + ".probe-" + UUID.randomUUID();
        try (var s3 = client()) {
            s3.putObject(request -> request.bucket(location.bucket()).key(key), RequestBody.fromString("tend write probe"));
            try {
                if (!new String(read(s3, key), java.nio.charset.StandardCharsets.UTF_8).equals("tend write probe")) {
                    throw new IOException("the probe object read back differently");
                }
            } finally {
                s3.deleteObject(request -> request.bucket(location.bucket()).key(key));
            }
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new IOException(S3Errors.describe(e, location.s3(), location.bucket()), e);
        }
    }

    @Override
    public OptionalLong freeBytes() {
        return OptionalLong.empty();
    }

    private S3Client client() {
        return S3Clients.open(location.s3(), timeout);
    }

    private List<S3Object> objects(S3Client s3) {
        var objects = new ArrayList<S3Object>();
        s3.listObjectsV2Paginator(request -> request.bucket(location.bucket()).prefix(root)).contents().forEach(objects::add);
        return objects;
    }

    private String idOf(String key) {
        var rest = key.substring(root.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private String describeKey(String key) {
        return "s3://" + location.bucket() + "/" + key;
    }

    private byte[] read(S3Client s3, String key) {
        return s3.getObjectAsBytes(request -> request.bucket(location.bucket()).key(key)).asByteArray();
    }

    private byte[] readOrEmpty(S3Client s3, String key) {
        try {
            return read(s3, key);
        } catch (NoSuchKeyException e) {
            return new byte[0];
        }
    }

    /** Streams files as multipart uploads; files the dump wrote locally are uploaded at publish. */
    private static final class S3Staging implements Staging {
        private final S3Client s3;
        private final String bucket;
        private final String prefix;
        private final Path directory;
        private final Map<String, MultipartUpload> streamed = new HashMap<>();
        private final List<String> uploaded = new ArrayList<>();
        private final int partSize;
        private final AutoCloseable onShutdown;
        private volatile boolean published;

        S3Staging(S3Client s3, String bucket, String prefix, Path directory, int partSize) {
            this.s3 = s3;
            this.bucket = bucket;
            this.prefix = prefix;
            this.directory = directory;
            this.partSize = partSize;
            // Ctrl-C or SIGTERM: unfinished uploads are aborted (kill -9 leaves them to the next run).
            this.onShutdown = ShutdownHooks.register("abort uploads to " + prefix, () -> {
                if (!published) abandon();
            });
        }

        @Override
        public Path directory() {
            return directory;
        }

        @Override
        public OutputStream create(String name) {
            var upload = new MultipartUpload(s3, bucket, prefix + name, partSize);
            streamed.put(name, upload);
            uploaded.add(prefix + name);
            return upload;
        }

        @Override
        public void publish(List<Manifest.FileEntry> files, byte[] manifest, byte[] sums) throws IOException {
            try (Stream<Path> walk = Files.walk(directory)) {
                for (var file : walk.filter(Files::isRegularFile).toList()) {
                    // Multipart, like the streamed dump: a file of a directory dump may be larger than one PUT takes.
                    try (InputStream in = Files.newInputStream(file); var out = create(directory.relativize(file).toString())) {
                        in.transferTo(out);
                    }
                }
            }
            put(Manifest.SUMS, sums);
            put(Manifest.FILE, manifest); // last: its presence is what makes the backup complete
            published = true;
        }

        private void put(String name, byte[] bytes) {
            uploaded.add(prefix + name);
            s3.putObject(request -> request.bucket(bucket).key(prefix + name), RequestBody.fromBytes(bytes));
        }

        private void abandon() {
            streamed.values().forEach(MultipartUpload::abort);
            for (var key : uploaded) {
                try {
                    s3.deleteObject(request -> request.bucket(bucket).key(key));
                } catch (RuntimeException e) {
                    // a later run removes it as a leftover
                }
            }
        }

        @Override
        public void close() {
            try {
                if (!published) abandon();
            } finally {
                BackupService.deleteQuietly(directory);
                ShutdownHooks.closeQuietly(onShutdown);
                s3.close();
            }
        }
    }
}
