package dev.tend.backup;

import dev.tend.check.Failures;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * An S3 object written as a stream in parts (16 MiB, larger for large dumps). The object exists
 * only once {@link #close} completes the upload; until then (and after {@link #abort}) there is
 * nothing to see.
 */
final class MultipartUpload extends OutputStream {
    private static final int MIN_PART = 16 << 20;
    private static final int MAX_PART = 1 << 30;
    /** S3 allows 10,000 parts; sizing for 4,000 of the expected bytes leaves room for a dump larger than its estimate. */
    private static final long PLANNED_PARTS = 4_000;
    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final List<CompletedPart> parts = new ArrayList<>();
    private final byte[] buffer;
    private int filled;
    private String uploadId;
    private boolean done;

    MultipartUpload(S3Client s3, String bucket, String key, int partSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.buffer = new byte[partSize];
    }

    /** The part size for an object of about {@code expectedBytes} (-1 when unknown). */
    static int partSizeFor(long expectedBytes) {
        long wanted = expectedBytes <= 0 ? MIN_PART : (expectedBytes + PLANNED_PARTS - 1) / PLANNED_PARTS;
        return (int) Math.min(MAX_PART, Math.max(MIN_PART, wanted));
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            int chunk = Math.min(length, buffer.length - filled);
            System.arraycopy(bytes, offset, buffer, filled, chunk);
            filled += chunk;
            offset += chunk;
            length -= chunk;
            if (filled == buffer.length) flushPart();
        }
    }

    private void flushPart() throws IOException {
        try {
            if (uploadId == null) uploadId = s3.createMultipartUpload(request -> request.bucket(bucket).key(key)).uploadId();
            int number = parts.size() + 1;
            var etag = s3.uploadPart(request -> request.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                    RequestBody.fromBytes(java.util.Arrays.copyOf(buffer, filled))).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            filled = 0;
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new IOException("uploading s3://" + bucket + "/" + key + " failed: " + Failures.describe(e), e);
        }
    }

    /** Completes the upload: the object appears whole, or not at all. */
    @Override
    public void close() throws IOException {
        if (done) return;
        if (filled > 0 || parts.isEmpty()) flushPart();
        try {
            s3.completeMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(parts)));
            done = true;
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new IOException("completing s3://" + bucket + "/" + key + " failed: " + Failures.describe(e), e);
        }
    }

    void abort() {
        if (done || uploadId == null) return;
        try {
            s3.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId));
        } catch (RuntimeException e) {
            // left for the next run's leftover cleanup
        }
        done = true;
    }
}
