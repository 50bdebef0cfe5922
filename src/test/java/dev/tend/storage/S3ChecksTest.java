package dev.tend.storage;

import static dev.tend.check.RunChecks.named;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.check.CheckResult;
import dev.tend.check.RunChecks;
import dev.tend.check.Status;
import dev.tend.testing.FreePorts;
import dev.tend.testing.S3Extension;
import dev.tend.testing.S3Server;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

@ExtendWith(S3Extension.class)
class S3ChecksTest {

    @Test
    void anExistingBucketIsOkAndTheWriteProbeCleansUpAfterItself(S3Server s3) throws Exception {
        s3.createBucket("molecule-files");

        var results = run(s3, s3.endpoint(), "molecule-files", "writeProbe: true");

        assertThat(results).extracting(CheckResult::check).containsExactly("bucket", "write-probe");
        assertThat(named(results, "bucket").status()).isEqualTo(Status.OK);
        assertThat(named(results, "bucket").reason()).startsWith("bucket molecule-files exists and is listable");
        assertThat(named(results, "write-probe").status()).isEqualTo(Status.OK);
        assertThat(named(results, "write-probe").reason()).startsWith("wrote, read back and deleted .tend/probe-");
        var left = s3.client().listObjectsV2(ListObjectsV2Request.builder().bucket("molecule-files").prefix(".tend/").build());
        assertThat(left.contents()).isEmpty();
    }

    @Test
    void usageCountsObjectsAndBytesPerPrefixAgainstItsLevels(S3Server s3) throws Exception {
        s3.createBucket("usage-files");
        for (int i = 0; i < 1205; i++) {
            var key = (i < 5 ? "models/checkpoint-" : "datasets/part-") + i;
            var size = i < 5 ? 4096 : 100;
            s3.client().putObject(software.amazon.awssdk.services.s3.model.PutObjectRequest.builder().bucket("usage-files").key(key).build(),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(new byte[size]));
        }
        s3.client().putObject(software.amazon.awssdk.services.s3.model.PutObjectRequest.builder().bucket("usage-files").key("README").build(),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(new byte[10]));

        var usage = named(run(s3, s3.endpoint(), "usage-files", "usage: { warn: 100KB, crit: 1MB }"), "usage");

        assertThat(usage.status()).isEqualTo(Status.WARN);
        assertThat(usage.reason()).isEqualTo("bucket usage-files: 1206 objects, 140.5 kB (datasets/ 120.0 kB, models/ 20.5 kB, (top level) 10 B), "
                + "over the 100.0 kB level");
        assertThat(dev.tend.check.RunChecks.measurement(usage, "bytes:models/")).isEqualTo(5 * 4096.0);
    }

    @Test
    void aMissingBucketIsCritical(S3Server s3) throws Exception {
        var result = run(s3, s3.endpoint(), "no-such-bucket", "writeProbe: false").get(0);

        assertThat(result.status()).isEqualTo(Status.CRIT);
        assertThat(result.reason()).isEqualTo("bucket no-such-bucket does not exist at " + s3.endpoint());
    }

    @Test
    void anUnreachableEndpointIsCritical(S3Server s3) throws Exception {
        var result = run(s3, "http://127.0.0.1:" + FreePorts.next(), "molecule-files", "writeProbe: false").get(0);

        assertThat(result.status()).isEqualTo(Status.CRIT);
        assertThat(result.reason()).containsIgnoringCase("refused");
    }

    @Test
    void minioHealthEndpointsThatDoNotAnswer200AreCritical(S3Server s3) throws Exception {
        s3.createBucket("molecule-files");

        // S3Mock is not MinIO: its /minio/health/* answers are not 200, which is what a sick MinIO looks like.
        var results = run(s3, s3.endpoint(), "molecule-files", "minio: true");

        assertThat(named(results, "minio-live").status()).isEqualTo(Status.CRIT);
        assertThat(named(results, "minio-live").reason()).startsWith("/minio/health/live answered ").endsWith("MinIO is not live");
        assertThat(named(results, "minio-cluster").reason()).endsWith("the cluster has lost write quorum or is healing");
    }

    @Test
    void minioHealthIsReadFromItsStatusCodes(S3Server s3) throws Exception {
        // MinIO itself cannot run here; its health contract is only the status code: 200 live /
        // with write quorum, 503 not. A server answering exactly that stands in for one whose
        // cluster has lost quorum while the process is alive.
        var minio = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        minio.createContext("/minio/health/live", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        minio.createContext("/minio/health/cluster", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        minio.start();
        try {
            var results = run(s3, "http://127.0.0.1:" + minio.getAddress().getPort(), "molecule-files", "minio: true");

            assertThat(named(results, "minio-live").status()).isEqualTo(Status.OK);
            assertThat(named(results, "minio-live").reason()).isEqualTo("/minio/health/live answered 200");
            assertThat(named(results, "minio-cluster").status()).isEqualTo(Status.CRIT);
            assertThat(named(results, "minio-cluster").reason())
                    .isEqualTo("/minio/health/cluster answered 503: the cluster has lost write quorum or is healing");
        } finally {
            minio.stop(0);
        }
    }

    @Test
    void minioAdminGoesThroughMcWithTheKeysInItsEnvironmentAndIsRefusedWithoutIt(S3Server s3, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        var config = java.nio.file.Files.writeString(dir.resolve("tend.yaml"), """
                platform: { name: test }
                store: { path: %s }
                targets:
                  - { name: minio, type: s3, endpoint: "%s", bucket: models, accessKey: "${env:S3_ACCESS}", secretKey: "${env:S3_SECRET}", minio: true }
                """.formatted(dir.resolve("tend.db"), s3.endpoint()));
        var environment = new java.util.HashMap<>(Map.of("S3_ACCESS", s3.accessKey(), "S3_SECRET", s3.secretKey(), "PATH", dir.toString()));

        var absent = dev.tend.testing.TendCli.run(Clock.systemUTC(), config, environment, "run", "minio.heal", "minio");
        assertThat(absent.exitCode()).isEqualTo(1);
        assertThat(absent.out()).contains("REFUSED — MinIO's client mc is not installed here");

        var mc = java.nio.file.Files.writeString(dir.resolve("mc"), """
                #!/bin/sh
                [ "$1" = --version ] && { echo "mc version RELEASE.2024-11-21T17-21-54Z (commit-id=abc)"; echo "Copyright (c) 2015-2024 MinIO, Inc."; exit 0; }
                case "$MC_HOST_tend" in http://*:*@127.0.0.1:*) echo "alias from the environment: yes" ;; *) echo "no alias"; exit 1 ;; esac
                echo "args: $*"
                echo "Healed 12 objects, 0 failed"
                """);
        java.nio.file.Files.setPosixFilePermissions(mc, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        environment.put("PATH", dir + ":/usr/bin:/bin");

        var healed = dev.tend.testing.TendCli.run(Clock.systemUTC(), config, environment, "run", "minio.heal", "minio");

        assertThat(healed.exitCode()).as(healed.out() + healed.err()).isZero();
        assertThat(healed.out()).contains("> alias from the environment: yes").contains("> args: admin heal --recursive tend/models")
                .contains("SUCCEEDED — mc heal exit 0").doesNotContain(s3.secretKey());
    }

    private static List<CheckResult> run(S3Server s3, String endpoint, String bucket, String extra) throws Exception {
        var yaml = "platform: { name: Test }\ntargets:\n  - { name: minio, type: s3, endpoint: \"" + endpoint + "\", bucket: " + bucket
                + ", accessKey: \"${env:S3_ACCESS}\", secretKey: \"${env:S3_SECRET}\", timeout: 3s, " + extra + " }\n";
        return RunChecks.run(yaml, Clock.systemUTC(), Map.of("S3_ACCESS", s3.accessKey(), "S3_SECRET", s3.secretKey()));
    }
}
