package dev.tend.storage;

import dev.tend.check.Check;
import dev.tend.check.Thresholds;
import dev.tend.check.Units;
import dev.tend.check.Verdict;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@code usage}: the runbooks' {@code mc du} — objects and bytes in the bucket, and per top-level
 * prefix, from a full listing (bounded by the check's timeout), against byte levels. The bytes are
 * kept with every result, so the growth shows in the history and feeds forecasts.
 */
final class S3UsageCheck implements Check {
    private static final int SHOWN_PREFIXES = 5;
    private final S3Target target;
    private final Thresholds levels;

    S3UsageCheck(S3Target target, Thresholds levels) {
        this.target = target;
        this.levels = levels;
    }

    @Override
    public String name() {
        return "usage";
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long objects = 0;
        long bytes = 0;
        var prefixes = new TreeMap<String, long[]>();
        try (var s3 = S3Clients.open(target, timeout)) {
            String token = null;
            do {
                if (System.nanoTime() > deadline) {
                    return Verdict.builder().measure("objects_counted", objects, "objects")
                            .verdict(dev.tend.check.Status.UNKNOWN, "listing " + target.bucket() + " took longer than " + Units.age(timeout) + " (" + objects
                                    + " objects so far); give the target a longer timeout");
                }
                var page = s3.listObjectsV2(ListObjectsV2Request.builder().bucket(target.bucket()).continuationToken(token).maxKeys(1000).build());
                for (var object : page.contents()) {
                    objects++;
                    bytes += object.size();
                    int slash = object.key().indexOf('/');
                    var prefix = slash < 0 ? "(top level)" : object.key().substring(0, slash + 1);
                    var figures = prefixes.computeIfAbsent(prefix, key -> new long[2]);
                    figures[0]++;
                    figures[1] += object.size();
                }
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null);
        } catch (S3Exception e) {
            return Verdict.builder().crit(S3Errors.describe(e, target));
        }
        var verdict = Verdict.builder().measure("objects", objects, "objects").measure("bytes", bytes, "bytes");
        prefixes.forEach((prefix, figures) -> verdict.measure("bytes:" + prefix, figures[1], "bytes"));
        var largest = prefixes.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(SHOWN_PREFIXES)
                .map(entry -> entry.getKey() + " " + Units.bytes(entry.getValue()[1])).toList();
        var status = levels.grade(bytes);
        var reason = "bucket " + target.bucket() + ": " + objects + " objects, " + Units.bytes(bytes)
                + (largest.isEmpty() ? "" : " (" + String.join(", ", largest) + ")");
        return verdict.verdict(status, reason + (status.isOk() ? "" : ", over the " + Units.bytes((long) levels.crossed(bytes)) + " level"));
    }
}
