package dev.tend.storage;

import dev.tend.check.Check;
import dev.tend.check.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Writes, reads back and deletes a tiny object under .tend/, proving the bucket really works. */
final class S3WriteProbeCheck implements Check {
    private static final Logger LOG = LoggerFactory.getLogger(S3WriteProbeCheck.class);
    private final S3Target target;
    private final Clock clock;

    S3WriteProbeCheck(S3Target target, Clock clock) {
        this.target = target;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "write-probe";
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        var key = ".tend/probe-" + UUID.randomUUID();
        var content = "tend write probe " + clock.instant();
        long start = System.nanoTime();
        try (var s3 = S3Clients.open(target, timeout)) {
            Verdict failed = null;
            try {
                s3.putObject(PutObjectRequest.builder().bucket(target.bucket()).key(key).build(), RequestBody.fromString(content));
                var readBack = s3.getObjectAsBytes(GetObjectRequest.builder().bucket(target.bucket()).key(key).build())
                        .asString(StandardCharsets.UTF_8);
                if (!content.equals(readBack)) {
                    failed = Verdict.builder().crit("object " + key + " read back different from what was written");
                }
            } catch (S3Exception e) {
                return Verdict.builder().crit("write probe failed: " + S3Errors.describe(e, target));
            } finally {
                deleteQuietly(s3, key);
            }
            if (failed != null) return failed;
            double millis = (System.nanoTime() - start) / 1e6;
            return Verdict.builder().measure("latency", millis, "ms")
                    .ok("wrote, read back and deleted " + key + " in " + Math.round(millis) + " ms");
        }
    }

    /** Deletes the probe object; a failure here must not hide the put or get failure being reported. */
    private void deleteQuietly(S3Client s3, String key) {
        try {
            s3.deleteObject(DeleteObjectRequest.builder().bucket(target.bucket()).key(key).build());
        } catch (RuntimeException e) {
            LOG.warn("could not delete write probe object {} from bucket {}: {}", key, target.bucket(), e.getMessage());
        }
    }
}
