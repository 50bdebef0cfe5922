package dev.tend.storage;

import dev.tend.config.spec.BooleanSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.SecretSpec;
import dev.tend.config.spec.StringSpec;
import dev.tend.target.HttpUrls;
import dev.tend.target.Target;
import dev.tend.target.TargetBinding;
import dev.tend.target.TargetType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/** {@code type: s3}: bucket exists and lists; optional write/read/delete probe; MinIO health. */
public final class S3TargetType implements TargetType {

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public String summary() {
        return "an S3 bucket (AWS, MinIO, S3-compatible): exists and is listable, optional write probe, MinIO health";
    }

    @Override
    public List<Field> fields() {
        return List.of(
                Field.optional("endpoint", StringSpec.any(), "e.g. http://127.0.0.1:9000 for MinIO; omit for AWS"),
                Field.withDefault("region", StringSpec.any(), "us-east-1", "signing region"),
                Field.required("bucket", StringSpec.matching("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", "S3 bucket names are 3-63 lower-case letters, digits, '.' and '-'"),
                        "the bucket to check"),
                Field.optional("accessKey", new SecretSpec(), "e.g. \"${env:MINIO_ACCESS_KEY}\""),
                Field.optional("secretKey", new SecretSpec(), "e.g. \"${env:MINIO_SECRET_KEY}\""),
                Field.withDefault("pathStyle", new BooleanSpec(), "true", "address buckets as ENDPOINT/BUCKET (MinIO needs this)"),
                Field.withDefault("writeProbe", new BooleanSpec(), "false", "also write, read back and delete a small object"),
                Field.withDefault("minio", new BooleanSpec(), "false", "also query /minio/health/live and /minio/health/cluster"),
                Field.optional("usage", dev.tend.config.spec.ObjectSpec.of("the usage check: objects and bytes from a full listing",
                        Field.withDefault("warn", new dev.tend.config.spec.SizeSpec(), "1TB", "size at which it warns"),
                        Field.withDefault("crit", new dev.tend.config.spec.SizeSpec(), "2TB", "size at which it is critical")),
                        "list the whole bucket each round for objects and bytes per prefix (the runbooks' mc du): {warn: 500GB, crit: 800GB}"));
    }

    @Override
    public Target bind(TargetBinding binding) {
        var fields = binding.fields();
        Optional<URI> endpoint = Optional.empty();
        if (fields.has("endpoint")) {
            try {
                var uri = new URI(fields.string("endpoint"));
                var problem = HttpUrls.problem(uri);
                if (problem != null) {
                    binding.problem("endpoint", problem, "e.g. http://127.0.0.1:9000; keys go in accessKey and secretKey");
                    return null;
                }
                endpoint = Optional.of(uri);
            } catch (URISyntaxException e) {
                binding.problem("endpoint", "not a valid URL: " + e.getReason(), "e.g. http://127.0.0.1:9000");
                return null;
            }
        }
        if (fields.given("accessKey") != fields.given("secretKey")) {
            binding.problem(fields.given("accessKey") ? "accessKey" : "secretKey", "give both accessKey and secretKey, or neither", null);
            return null;
        }
        if (fields.bool("minio") && !fields.given("endpoint")) {
            binding.problem("minio", "minio: true needs an endpoint", "add endpoint: http://HOST:9000");
            return null;
        }
        return new S3Target(binding.settings(), endpoint, fields.string("region"), fields.string("bucket"),
                fields.secret("accessKey"), fields.secret("secretKey"), fields.bool("pathStyle"),
                fields.bool("writeProbe"), fields.bool("minio"),
                fields.has("usage") ? Optional.of(dev.tend.check.ThresholdSpec.read(fields, "usage", true, binding.problems())) : Optional.empty());
    }
}
