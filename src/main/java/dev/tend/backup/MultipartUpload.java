package dev.tend.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * An S3 object written as a stream in 16 MiB parts. The object exists only once {@link #close}
 * completes the upload; until then (and after {@link #abort}) there is nothing to see.
 */
final class MultipartUpload extends OutputStream {
    private static final int PART = 16 << 20;
    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final List<CompletedPart> parts = new ArrayList<>();
    private final byte[] buffer = new byte[PART];
    private int filled;
    private String uploadId;
    private boolean done;

    MultipartUpload(S3Client s3, String bucket, String key) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            int chunk = Math.min(length, PART - filled);
            System.arraycopy(bytes, offset, buffer, filled, chunk);
            filled += chunk;
            offset += chunk;
            length -= chunk;
            if (filled == PART) flushPart();
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
            throw new IOException("uploading s3://" + bucket + "/" + key + " failed: " + e.getMessage(), e);
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
            throw new IOException("completing s3://" + bucket + "/" + key + " failed: " + e.getMessage(), e);
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
