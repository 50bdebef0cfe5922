package dev.tend.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.testing.PostgresExtension;
import dev.tend.testing.PostgresServer;
import dev.tend.testing.S3Extension;
import dev.tend.testing.S3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** Backups in an S3 bucket (S3Mock): multipart upload, manifest last, leftovers cleaned once stale. */
@ExtendWith({PostgresExtension.class, S3Extension.class})
class S3BackupTest {
    private static final java.util.concurrent.atomic.AtomicInteger BUCKETS = new java.util.concurrent.atomic.AtomicInteger();
    private String bucket;
    @TempDir
    Path directory;
    private BackupLab lab;
    private Path config;
    private S3Server s3;

    @BeforeEach
    void setUp(PostgresServer postgres, S3Server s3) throws Exception {
        this.s3 = s3;
        bucket = "tend-backups-" + BUCKETS.incrementAndGet(); // one bucket per test: listings see only their own
        s3.createBucket(bucket);
        lab = new BackupLab(postgres, "backup_s3_lab", directory);
        lab.fill();
        config = directory.resolve("tend.yaml");
        Files.writeString(config, """
                platform: { name: Lab }
                targets:
                  - { name: db, type: postgres, url: "%s" }
                  - { name: objects, type: s3, endpoint: "%s", bucket: %s, accessKey: "%s", secretKey: "%s" }
                backups:
                  - { name: lab, target: db, destination: "s3://%s/nightly", s3: objects, timeout: 30m,
                      verify: { queries: ["SELECT count(*) = 250 FROM datasets.catalog"] } }
                store: { path: "%s" }
                """.formatted(postgres.url("backup_s3_lab"), s3.endpoint(), bucket, s3.accessKey(), s3.secretKey(), bucket,
                directory.resolve("tend.db")));
    }

    @Test
    void createThenVerifyPassesAndTheObjectsPassSha256sum() throws Exception {
        var created = lab.tend("backup", "create", "lab", "--json", "-c", config.toString());
        assertThat(created.exitCode()).as(created.err()).isZero();
        var id = created.json().path("id").asString();

        var downloaded = Files.createDirectories(directory.resolve("download"));
        for (var name : new String[] {"lab.dump", "manifest.json", "SHA256SUMS"}) {
            Files.write(downloaded.resolve(name), s3.client().getObjectAsBytes(r -> r.bucket(bucket).key("nightly/lab/" + id + "/" + name)).asByteArray());
        }
        assertThat(Commands.run(downloaded, "sha256sum", "-c", "SHA256SUMS")).contains("lab.dump: OK", "manifest.json: OK");

        var verified = lab.tend("backup", "verify", "lab", "--json", "-c", config.toString());
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.json().path("rows").asLong()).isEqualTo(1250);

        var listed = lab.tend("backup", "list", "lab", "--json", "-c", config.toString());
        assertThat(listed.json().path("backups").get(0).path("id").asString()).isEqualTo(id);
        assertThat(listed.json().path("destination").asString()).startsWith("s3://" + bucket + "/nightly at http://127.0.0.1:");
    }

    @Test
    void piecesOfAnInterruptedBackupAreNeverListedAndGoOnceOlderThanTheTimeout() throws Exception {
        var client = s3.client();
        client.putObject(r -> r.bucket(bucket).key("nightly/lab/20260101T000000Z/lab.dump"), RequestBody.fromString("half a dump"));
        var upload = client.createMultipartUpload(r -> r.bucket(bucket).key("nightly/lab/20260101T000001Z/lab.dump")).uploadId();

        var listed = lab.tend("backup", "list", "lab", "--json", "-c", config.toString());
        assertThat(listed.json().path("backups")).isEmpty();
        assertThat(listed.json().path("incomplete").toString()).contains("20260101T000000Z/lab.dump (no manifest)", "(unfinished upload)");

        var young = lab.tend("backup", "create", "lab", "-c", config.toString());
        assertThat(young.out()).as("a leftover younger than the timeout may be a running backup").doesNotContain("removed leftover");

        var anHourLater = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
        var next = lab.tend(anHourLater, "backup", "create", "lab", "-c", config.toString());
        assertThat(next.exitCode()).as(next.err()).isZero();
        assertThat(next.out()).contains("removed leftover s3://" + bucket + "/nightly/lab/20260101T000000Z/lab.dump");
        assertThat(client.listMultipartUploads(r -> r.bucket(bucket).prefix("nightly/lab/")).uploads())
                .noneMatch(pending -> pending.uploadId().equals(upload));
        assertThat(lab.tend("backup", "list", "lab", "--json", "-c", config.toString()).json().path("incomplete")).isEmpty();
    }
}
