package dev.tend.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.testing.PostgresExtension;
import dev.tend.testing.RedisExtension;
import dev.tend.testing.RedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** Redis: BGSAVE, the RDB copied with its checksum, and verification by loading it into a throwaway redis-server. */
@ExtendWith({RedisExtension.class, PostgresExtension.class})
class RedisBackupTest {
    @TempDir
    Path directory;

    @Test
    void bgsaveCopyThenVerifyByLoadingTheRdbIntoAThrowawayServer(RedisServer redis, dev.tend.testing.PostgresServer postgres) throws Exception {
        try (var jedis = new Jedis(redis.host(), redis.port())) {
            jedis.select(3);
            jedis.flushDB();
            for (int key = 0; key < 500; key++) jedis.set("session:" + key, "value " + key);
        }
        var config = write(redis, "dataDirectory: \"" + redis.dataDirectory() + "\"");
        var lab = new BackupLab(postgres, "unused", directory);

        var created = lab.tend("backup", "create", "cache", "--json", "-c", config.toString());
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.json().path("keys").path("db3").asLong()).isEqualTo(500);
        var backup = directory.resolve("backups").resolve("cache").resolve(created.json().path("id").asString());
        assertThat(Commands.run(backup, "sha256sum", "-c", "SHA256SUMS")).contains("cache.rdb: OK");

        var verified = lab.tend("backup", "verify", "cache", "--json", "-c", config.toString());
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.json().path("rows").asLong()).as("keys loaded by the throwaway server").isEqualTo(created.json().path("keys").path("db3").asLong()
                + created.json().path("keys").properties().stream().filter(entry -> !entry.getKey().equals("db3")).mapToLong(entry -> entry.getValue().asLong()).sum());
        assertThat(verified.json().path("notes").toString()).doesNotContain("not loaded");
    }

    @Test
    void withoutADataDirectoryTheErrorSaysWhatToSet(RedisServer redis, dev.tend.testing.PostgresServer postgres) throws Exception {
        var config = write(redis, "");
        var created = new BackupLab(postgres, "unused", directory).tend("backup", "create", "cache", "-c", config.toString());
        assertThat(created.exitCode()).isEqualTo(1);
        assertThat(created.err()).contains("redis target cache has no dataDirectory");
    }

    private Path write(RedisServer redis, String extra) throws Exception {
        var config = directory.resolve("tend.yaml");
        Files.writeString(config, """
                platform: { name: Lab }
                targets:
                  - { name: cache, type: redis, url: "%s" %s }
                backups:
                  - { name: cache, target: cache, destination: "%s" }
                store: { path: "%s" }
                """.formatted(redis.url(), extra.isEmpty() ? "" : ", " + extra, directory.resolve("backups"), directory.resolve("tend.db")));
        return config;
    }
}
