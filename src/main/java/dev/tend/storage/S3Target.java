package dev.tend.storage;

import dev.tend.check.Check;
import dev.tend.check.CheckContext;
import dev.tend.config.Secret;
import dev.tend.target.HttpUrls;
import dev.tend.target.Target;
import dev.tend.target.TargetSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An S3 bucket on AWS, MinIO or any S3-compatible server. */
public record S3Target(
        TargetSettings settings,
        Optional<URI> endpoint,
        String region,
        String bucket,
        Optional<Secret> accessKey,
        Optional<Secret> secretKey,
        boolean pathStyle,
        boolean writeProbe,
        boolean minio,
        Optional<dev.tend.check.Thresholds> usage) implements Target {

    @Override
    public List<Check> checks(CheckContext context) {
        var checks = new ArrayList<Check>();
        checks.add(new S3BucketCheck(this));
        if (writeProbe) checks.add(new S3WriteProbeCheck(this, context.clock()));
        usage.ifPresent(levels -> checks.add(new S3UsageCheck(this, levels)));
        if (minio) {
            endpoint.ifPresent(base -> {
                checks.add(new MinioHealthCheck("minio-live", base.resolve("/minio/health/live"), context.http(base)));
                checks.add(new MinioHealthCheck("minio-cluster", base.resolve("/minio/health/cluster"), context.http(base)));
            });
        }
        return checks;
    }

    /** The endpoint as scheme://host:port (or the AWS region), for reasons. */
    public String where() {
        return endpoint.map(HttpUrls::origin).orElse("AWS " + region);
    }
}
