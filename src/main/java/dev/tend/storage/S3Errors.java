package dev.tend.storage;

import software.amazon.awssdk.services.s3.model.S3Exception;

/** Plain-language reasons for the S3 answers that mean "not healthy". */
final class S3Errors {
    private S3Errors() {}

    static String describe(S3Exception failure, S3Target target) {
        return switch (failure.statusCode()) {
            case 404 -> "bucket " + target.bucket() + " does not exist at " + target.where();
            case 403 -> "access denied to bucket " + target.bucket() + ": check the credentials and their policy";
            case 301, 400 -> "the server refused the request (HTTP " + failure.statusCode()
                    + "); check region and pathStyle for " + target.where();
            default -> "S3 answered HTTP " + failure.statusCode() + " for bucket " + target.bucket()
                    + (failure.awsErrorDetails() != null ? " (" + failure.awsErrorDetails().errorCode() + ")" : "");
        };
    }
}
