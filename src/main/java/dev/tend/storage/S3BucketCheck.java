package dev.tend.storage;

import dev.tend.check.Check;
import dev.tend.check.Verdict;
import java.time.Duration;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The bucket exists and can be listed with the configured credentials. */
final class S3BucketCheck implements Check {
    private final S3Target target;

    S3BucketCheck(S3Target target) {
        this.target = target;
    }

    @Override
    public String name() {
        return "bucket";
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        long start = System.nanoTime();
        try (var s3 = S3Clients.open(target, timeout)) {
            s3.headBucket(HeadBucketRequest.builder().bucket(target.bucket()).build());
            var page = s3.listObjectsV2(ListObjectsV2Request.builder().bucket(target.bucket()).maxKeys(100).build());
            double millis = (System.nanoTime() - start) / 1e6;
            return Verdict.builder()
                    .measure("latency", millis, "ms")
                    .measure("objects_in_first_page", page.keyCount(), "count")
                    .ok("bucket " + target.bucket() + " exists and is listable ("
                            + page.keyCount() + (Boolean.TRUE.equals(page.isTruncated()) ? "+" : "") + " objects) at "
                            + target.where() + " in " + Math.round(millis) + " ms");
        } catch (S3Exception e) {
            return Verdict.builder().crit(S3Errors.describe(e, target));
        }
    }
}
