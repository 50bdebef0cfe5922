package dev.tend.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.testing.PostgresExtension;
import dev.tend.testing.PostgresServer;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code tend check} watches each backup as target backup:NAME: freshness, last verification, destination. */
@ExtendWith(PostgresExtension.class)
class BackupChecksTest {
    @TempDir
    Path directory;
    private BackupLab lab;
    private Path config;

    @BeforeEach
    void database(PostgresServer postgres) throws Exception {
        lab = new BackupLab(postgres, "backup_checks_lab", directory);
        lab.fill();
        config = lab.config("");
    }

    @Test
    void nothingYetIsCriticalThenAVerifiedBackupIsOkThenAgeAndFailureShow() throws Exception {
        var before = checks(Clock.systemUTC());
        assertThat(before.get("freshness").path("status").asString()).isEqualTo("CRIT");
        assertThat(before.get("freshness").path("reason").asString()).startsWith("no complete backup in ");
        assertThat(before.get("verification").path("reason").asString()).isEqualTo("never verified: run tend backup verify lab");
        assertThat(before.get("destination").path("status").asString()).isEqualTo("OK");

        assertThat(lab.tend("backup", "create", "lab", "-c", config.toString()).exitCode()).isZero();
        assertThat(lab.tend("backup", "verify", "lab", "-c", config.toString()).exitCode()).isZero();
        var fresh = checks(Clock.systemUTC());
        assertThat(fresh.values()).allSatisfy(result -> assertThat(result.path("status").asString()).as(result.toString()).isEqualTo("OK"));

        var threeDaysLater = checks(Clock.offset(Clock.systemUTC(), Duration.ofDays(3)));
        assertThat(threeDaysLater.get("freshness").path("status").asString()).isEqualTo("CRIT");
        assertThat(threeDaysLater.get("freshness").path("reason").asString()).contains("over the 2d 2h level");
        assertThat(threeDaysLater.get("verification").path("status").asString()).isEqualTo("WARN");

        var list = lab.tend("backup", "list", "lab", "--json", "-c", config.toString()).json();
        var dump = lab.backup(list.path("backups").get(0).path("id").asString()).resolve("lab.dump");
        try (var file = new RandomAccessFile(dump.toFile(), "rw")) {
            file.seek(file.length() / 3);
            file.write(0);
            file.write(0);
        }
        assertThat(lab.tend("backup", "verify", "lab", "-c", config.toString()).exitCode()).isEqualTo(1);
        var failed = checks(Clock.systemUTC());
        assertThat(failed.get("verification").path("status").asString()).isEqualTo("CRIT");
        assertThat(failed.get("verification").path("reason").asString()).contains("failed: lab.dump");
    }

    @Test
    void aDestinationThatCannotBeWrittenIsCritical() throws Exception {
        var notADirectory = Files.writeString(directory.resolve("a-file"), "x");
        Files.writeString(config, Files.readString(config).replace(lab.backups().toString(), notADirectory.resolve("backups").toString()));

        var results = checks(Clock.systemUTC());

        assertThat(results.get("destination").path("status").asString()).isEqualTo("CRIT");
        assertThat(results.get("destination").path("reason").asString()).contains("does not take a write");
    }

    private Map<String, JsonNode> checks(Clock clock) {
        var run = lab.tend(clock, "check", "--json", "--target", "backup:lab", "-c", config.toString());
        var byName = new HashMap<String, JsonNode>();
        run.json().path("results").forEach(result -> byName.put(result.path("check").asString(), result));
        assertThat(byName).as(run.out() + run.err()).containsKeys("freshness", "verification", "destination");
        return byName;
    }
}
