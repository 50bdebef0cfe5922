package dev.tend.backup;

import dev.tend.check.Failures;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Proves an RDB file loads: a throwaway redis-server on 127.0.0.1 (no persistence, no replication)
 * loads it, and its keyspace is compared with the manifest's key counts.
 */
final class RedisVerifier {
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(10);

    private RedisVerifier() {}

    static Restored restore(Manifest manifest, Path directory, Clock clock, Optional<Path> redisServer, List<String> problems, List<String> notes)
            throws IOException, InterruptedException {
        var rdb = directory.resolve(manifest.files().get(0).name());
        try (InputStream in = Files.newInputStream(rdb)) {
            if (!new String(in.readNBytes(5), java.nio.charset.StandardCharsets.US_ASCII).equals("REDIS")) {
                problems.add(manifest.files().get(0).name() + " is not an RDB file (no REDIS header)");
                return null;
            }
        }
        if (redisServer.isEmpty()) {
            notes.add("redis-server not found on the PATH: the RDB was checked by checksum and header only, not loaded");
            return new Restored(Duration.ZERO, manifest.keys().size(), manifest.keys().values().stream().mapToLong(Long::longValue).sum(), Map.of());
        }
        var work = Files.createTempDirectory("tend-redis-verify-");
        Files.copy(rdb, work.resolve("dump.rdb"));
        int port = freePort();
        var started = clock.instant();
        var log = work.resolve("redis.log");
        try (var server = ToolProcess.start(List.of(redisServer.get().toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--dir", work.toString(), "--dbfilename", "dump.rdb", "--save", "", "--appendonly", "no", "--protected-mode", "yes",
                "--logfile", log.toString()), Map.of(), true, LOAD_TIMEOUT)) {
            var keys = loadedKeys(server, log, port, clock.instant().plus(LOAD_TIMEOUT), clock);
            var restoreTime = Duration.between(started, clock.instant());
            compare(manifest, keys, problems, notes);
            return new Restored(restoreTime, keys.size(), keys.values().stream().mapToLong(Long::longValue).sum(), Map.of());
        } finally {
            BackupService.deleteQuietly(work);
        }
    }

    static void compare(Manifest manifest, Map<String, Long> loaded, List<String> problems, List<String> notes) {
        for (var database : manifest.keys().keySet()) {
            long expected = manifest.keys().get(database);
            long found = loaded.getOrDefault(database, 0L);
            if (found == expected) continue;
            if (manifest.exactCounts()) {
                problems.add(database + ": " + found + " keys loaded, the manifest says " + expected);
            } else {
                notes.add(database + ": " + found + " keys loaded; keys changed during the save (about " + expected + ")");
            }
        }
        loaded.keySet().stream().filter(database -> !manifest.keys().containsKey(database))
                .forEach(database -> problems.add(database + " is in the RDB but not in the manifest"));
    }

    private static Map<String, Long> loadedKeys(ToolProcess server, Path log, int port, java.time.Instant deadline, Clock clock)
            throws InterruptedException, IOException {
        while (true) {
            try (var jedis = new Jedis("127.0.0.1", port, 5000)) {
                jedis.ping(); // answers -LOADING until the file is in
                return RedisKeyspace.read(jedis);
            } catch (JedisException notYet) {
                if (!server.alive()) {
                    var lines = Files.exists(log) ? Files.readAllLines(log) : List.<String>of();
                    throw new BackupException("the throwaway redis-server could not load the RDB: "
                            + String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())));
                }
                if (clock.instant().isAfter(deadline)) throw new BackupException("the throwaway redis-server did not load the RDB: " + Failures.describe(notYet));
                Thread.sleep(50);
            }
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
