package dev.tend.backup;

import dev.tend.redis.RedisConnector;
import dev.tend.redis.RedisTarget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A Redis backup: BGSAVE, wait until LASTSAVE advances with rdb_last_bgsave_status:ok, then copy the
 * RDB file from the target's data directory, hashed on the way. Redis writes a new RDB under a
 * temporary name and renames it, so the file copied is always one whole snapshot.
 */
final class RedisDump {
    private static final Duration POLL = Duration.ofMillis(100);
    private final BackupSettings settings;
    private final RedisTarget target;
    private final Clock clock;
    private final BackupListener listener;

    RedisDump(BackupSettings settings, RedisTarget target, Clock clock, BackupListener listener) {
        this.settings = settings;
        this.target = target;
        this.clock = clock;
        this.listener = listener;
    }

    Manifest run(Destination destination, String id, String retentionClass) throws IOException, InterruptedException {
        var directory = target.dataDirectory().orElseThrow(() -> new BackupException("redis target " + target.name()
                + " has no dataDirectory: set it to the server's dir (where its RDB file is) as seen from where Tend runs"));
        var started = clock.instant();
        try (var jedis = RedisConnector.open(target, Duration.ofSeconds(30))) {
            var version = RedisConnector.field(RedisConnector.info(jedis, "server"), "redis_version");
            var keysBefore = RedisKeyspace.read(jedis);
            listener.phase("BGSAVE on " + target.where(), -1);
            save(jedis);
            var keysAfter = RedisKeyspace.read(jedis);
            var rdb = directory.resolve(rdbFileName(jedis));
            var name = settings.name() + ".rdb";
            Manifest.FileEntry entry;
            try (var staging = destination.stage(id, Files.size(rdb))) {
                listener.phase("copying " + rdb, Files.size(rdb));
                try (InputStream in = Files.newInputStream(rdb)) {
                    var out = staging.create(name);
                    try {
                        entry = Hashing.copy(name, in, out, listener::bytes);
                        out.close();
                    } catch (IOException | RuntimeException e) {
                        Destination.Staging.abandon(out);
                        throw e;
                    }
                }
                var manifest = new Manifest(Manifest.VERSION, id, settings.name(), "redis", target.name(), target.where(), "rdb",
                        started, clock.instant(), Map.of("redis", version, "tend", Versions.TEND), List.of(entry), entry.bytes(),
                        entry.bytes(), keysBefore.equals(keysAfter) && !RedisKeyspace.anyExpiring(jedis) ? "exact" : "estimate", List.of(),
                        keysAfter, retentionClass);
                var manifestBytes = ManifestJson.write(manifest);
                staging.publish(List.of(entry), manifestBytes, Sha256Sums.write(List.of(entry), manifestBytes));
                return manifest;
            } catch (NoSuchFileException e) {
                throw new BackupException("no RDB file at " + rdb + ": dataDirectory must be the Redis server's dir as mounted where Tend runs");
            }
        }
    }

    /** BGSAVE and wait for it; LASTSAVE has one-second resolution, so start in a second no earlier save used. */
    private void save(Jedis jedis) throws InterruptedException {
        var deadline = clock.instant().plus(settings.timeout());
        waitForNoSave(jedis, deadline);
        long before = jedis.lastsave();
        while (Long.parseLong(jedis.time().get(0)) <= before) Thread.sleep(POLL.toMillis());
        try {
            jedis.bgsave();
        } catch (JedisDataException alreadySaving) {
            waitForNoSave(jedis, deadline); // someone else's save began in between: let it end, then ours
            jedis.bgsave();
        }
        while (jedis.lastsave() <= before || saving(jedis)) {
            if (clock.instant().isAfter(deadline)) throw new BackupException("BGSAVE on " + target.where() + " did not finish within " + settings.timeout());
            Thread.sleep(POLL.toMillis());
        }
        var status = RedisConnector.field(RedisConnector.info(jedis, "persistence"), "rdb_last_bgsave_status");
        if (!status.equals("ok")) throw new BackupException("BGSAVE on " + target.where() + " failed: rdb_last_bgsave_status:" + status);
    }

    private void waitForNoSave(Jedis jedis, java.time.Instant deadline) throws InterruptedException {
        while (saving(jedis)) {
            if (clock.instant().isAfter(deadline)) throw new BackupException("a BGSAVE already running on " + target.where() + " did not finish");
            Thread.sleep(POLL.toMillis());
        }
    }

    private static boolean saving(Jedis jedis) {
        return !RedisConnector.field(RedisConnector.info(jedis, "persistence"), "rdb_bgsave_in_progress").equals("0");
    }

    /** CONFIG GET dbfilename, or Redis's default where CONFIG is disabled (as hardened setups do). */
    private static String rdbFileName(Jedis jedis) {
        try {
            var reply = jedis.configGet("dbfilename");
            var name = reply.get("dbfilename");
            return name == null || name.isBlank() ? "dump.rdb" : name;
        } catch (JedisDataException configDisabled) {
            return "dump.rdb";
        }
    }
}
