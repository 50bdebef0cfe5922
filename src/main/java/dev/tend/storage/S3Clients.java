package dev.tend.storage;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Builds every S3 client Tend uses: bounded connect, read and call times, no silent retries. */
public final class S3Clients {
    private S3Clients() {}

    public static S3Client open(S3Target target, Duration timeout) {
        var credentials = target.accessKey().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        target.accessKey().get().reveal(), target.secretKey().orElseThrow().reveal()))
                : AnonymousCredentialsProvider.create();
        var builder = S3Client.builder()
                .region(Region.of(target.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(target.pathStyle())
                // S3-compatible servers differ in checksum support; only send what S3 requires.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(timeout)
                        .socketTimeout(timeout)
                        .build())
                .overrideConfiguration(configuration -> configuration
                        .apiCallTimeout(timeout)
                        .apiCallAttemptTimeout(timeout)
                        .retryStrategy(strategy -> strategy.maxAttempts(1)));
        target.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
