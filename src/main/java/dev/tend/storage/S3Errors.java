package dev.tend.storage;

import dev.tend.check.Failures;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Plain-language reasons for the S3 answers that mean "not healthy". */
public final class S3Errors {
    private S3Errors() {}

    static String describe(S3Exception failure, S3Target target) {
        return describe(failure, target, target.bucket());
    }

    /**
     * Any failure of a call on {@code bucket} in words: an S3 error answer by its status, anything
     * else (refused, TLS, timeout) as {@link Failures} tells it, without the SDK's "(SDK Attempt Count: 1)".
     */
    public static String describe(Throwable failure, S3Target target, String bucket) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof S3Exception answer) return describeAnswer(answer, target, bucket);
        }
        return Failures.describe(failure).replaceAll("\\s*\\(SDK Attempt Count: \\d+\\)", "");
    }

    private static String describeAnswer(S3Exception failure, S3Target target, String bucket) {
        return switch (failure.statusCode()) {
            case 404 -> "bucket " + bucket + " does not exist at " + target.where();
            case 403 -> "access denied to bucket " + bucket + ": check the credentials and their policy";
            case 301, 400 -> "the server refused the request (HTTP " + failure.statusCode()
                    + "); check region and pathStyle for " + target.where();
            default -> "S3 answered HTTP " + failure.statusCode() + " for bucket " + bucket
                    + (failure.awsErrorDetails() != null ? " (" + failure.awsErrorDetails().errorCode() + ")" : "");
        };
    }
}
