package dev.tend.operations.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.testing.RedisServer;
import dev.tend.testing.TendCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.commands.ProtocolCommand;

/** The redis.* actions through tend run, against a redis-server of this test's own (they change server-wide state). */
class RedisTasksTest {
    private static final ProtocolCommand DEBUG = () -> "DEBUG".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static RedisServer redis;
    private Path config;

    @BeforeAll
    static void start() {
        redis = RedisServer.own("--enable-debug-command", "local");
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @BeforeEach
    void writeConfig(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (var jedis = redis.connect()) {
            jedis.flushAll();
            jedis.slowlogReset();
        }
        config = dir.resolve("tend.yaml");
        Files.writeString(config, """
                platform: { name: test }
                store: { path: %s }
                targets:
                  - { name: cache, type: redis, url: "%s" }
                """.formatted(dir.resolve("tend.db"), redis.url()));
    }

    @Test
    void bgsaveWaitsUntilLastsaveMovesAndADryRunSavesNothing() throws Exception {
        try (var jedis = redis.connect()) {
            jedis.set("a", "1");
            long before = jedis.lastsave();

            var planned = TendCli.run(Clock.systemUTC(), config, "run", "redis.bgsave", "--target", "cache", "--dry-run");
            assertThat(planned.exitCode()).isZero();
            assertThat(planned.out()).contains("redis.bgsave (online) on cache").contains("PLANNED").contains("would save 1 changes");
            assertThat(jedis.lastsave()).isEqualTo(before);

            var saved = TendCli.run(Clock.systemUTC(), config, "run", "redis.bgsave", "cache", "--json");
            assertThat(saved.exitCode()).as(saved.out() + saved.err()).isZero();
            var json = saved.json();
            assertThat(json.get("result").asString()).isEqualTo("SUCCEEDED");
            assertThat(json.get("reason").asString()).contains("rdb_last_bgsave_status ok");
            assertThat(json.get("after").get("rdb_changes_since_last_save").get("value").asDouble()).isZero();
            assertThat(jedis.lastsave()).isGreaterThan(before);
            assertThat(redis.dataDirectory().resolve("dump.rdb")).exists();
        }
    }

    @Test
    void expireScanReclaimsExpiredKeysWithoutABlockingCommandOver10ms() throws Exception {
        try (var jedis = redis.connect()) {
            jedis.sendCommand(DEBUG, "SET-ACTIVE-EXPIRE", "0"); // only SCAN may reclaim them
            try {
                jedis.configSet("slowlog-log-slower-than", "10000");
                // A host that stalls the server (a shared machine) shows in the slowlog as a slow SCAN: the scan is
                // judged on the first of up to three runs on fresh keys without one, as a load test is. A scan that
                // blocks by design (one EVAL over everything) is over 10 ms in every run.
                List<?> slow = List.of();
                for (int attempt = 0; attempt < 3; attempt++) {
                    slow = scanFreshKeys(jedis, attempt == 0);
                    if (slow.isEmpty()) break;
                }
                assertThat(slow).as("commands over 10 ms during the scan").isEmpty();
            } finally {
                jedis.sendCommand(DEBUG, "SET-ACTIVE-EXPIRE", "1");
                jedis.configSet("slowlog-log-slower-than", "10000");
            }
        }
    }

    /** 20,000 keys in db0 and 1,000 in db2, 30% and all of them expired; the scan run over them; what the slowlog kept. */
    private List<?> scanFreshKeys(redis.clients.jedis.Jedis jedis, boolean dryRunFirst) throws Exception {
        jedis.flushAll();
        var pipeline = jedis.pipelined();
        for (int i = 0; i < 20_000; i++) {
            if (i % 10 < 3) pipeline.psetex("session:" + i, 50, "x"); else pipeline.set("user:" + i, "y");
        }
        pipeline.select(2);
        for (int i = 0; i < 1_000; i++) pipeline.psetex("other:" + i, 50, "z");
        pipeline.select(0);
        pipeline.sync();
        Thread.sleep(200);
        jedis.slowlogReset();
        assertThat(jedis.dbSize()).isEqualTo(20_000); // expired, not yet reclaimed

        if (dryRunFirst) {
            var planned = TendCli.run(Clock.systemUTC(), config, "run", "redis.expire-scan", "cache", "--dry-run");
            assertThat(planned.out()).contains("PLANNED — would walk 21000 keys in 2 database(s), 7000 of them with a TTL");
            assertThat(jedis.dbSize()).isEqualTo(20_000);
        }
        var run = TendCli.run(Clock.systemUTC(), config, "run", "redis.expire-scan", "cache", "--count", "500", "--json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        var json = run.json();
        assertThat(json.get("after").get("reclaimed").get("value").asLong()).isEqualTo(7_000);
        assertThat(json.get("after").get("visited").get("value").asLong()).isEqualTo(14_000);
        assertThat(json.get("after").get("keys").get("value").asLong()).isEqualTo(14_000);
        assertThat(jedis.dbSize()).isEqualTo(14_000);
        jedis.select(2);
        assertThat(jedis.dbSize()).isZero();
        jedis.select(0);
        return jedis.slowlogGet();
    }

    @Test
    void slowlogReportsTheSlowestAndKeepsWhatAResetClears() throws Exception {
        try (var jedis = redis.connect()) {
            jedis.sendCommand(DEBUG, "SLEEP", "0.05");
            jedis.sendCommand(DEBUG, "SLEEP", "0.02");

            var report = TendCli.run(Clock.systemUTC(), config, "run", "redis.slowlog", "cache");
            assertThat(report.exitCode()).as(report.out() + report.err()).isZero();
            assertThat(report.out()).contains("2 entries over 10000 µs").contains("slowest 5").contains("DEBUG SLEEP 0.05");
            assertThat(report.out().indexOf("SLEEP 0.05")).isLessThan(report.out().indexOf("SLEEP 0.02"));
            assertThat(jedis.slowlogLen()).isEqualTo(2);

            var reset = TendCli.run(Clock.systemUTC(), config, "run", "redis.slowlog", "cache", "--reset", "--json");
            assertThat(reset.exitCode()).isZero();
            assertThat(reset.json().get("steps").toString()).contains("DEBUG SLEEP 0.05").contains("DEBUG SLEEP 0.02").contains("SLOWLOG RESET: OK");
            assertThat(reset.json().get("after").get("slowlog_len").get("value").asLong()).isZero();
            assertThat(jedis.slowlogLen()).isZero();
        }
    }

    @Test
    void configSetIsRefusedOutsideAWindowAndChangesOnlyAllowedKeys() throws Exception {
        try (var jedis = redis.connect()) {
            jedis.configSet("maxmemory-policy", "noeviction");

            var refused = TendCli.run(Clock.systemUTC(), config, "run", "redis.config-set", "cache", "maxmemory-policy", "allkeys-lru");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.out()).contains("REFUSED").contains("disruptive and no maintenance window is open for cache");
            assertThat(jedis.configGet("maxmemory-policy").get("maxmemory-policy")).isEqualTo("noeviction");

            var planned = TendCli.run(Clock.systemUTC(), config, "run", "redis.config-set", "cache", "maxmemory-policy", "allkeys-lru", "--dry-run");
            assertThat(planned.out()).contains("would change maxmemory-policy from noeviction to allkeys-lru");

            var forced = TendCli.run(Clock.systemUTC(), config, "run", "redis.config-set", "cache", "maxmemory-policy", "allkeys-lru", "--force");
            assertThat(forced.exitCode()).as(forced.out() + forced.err()).isZero();
            assertThat(forced.out()).contains("maxmemory-policy: noeviction → allkeys-lru");
            assertThat(jedis.configGet("maxmemory-policy").get("maxmemory-policy")).isEqualTo("allkeys-lru");

            var invalid = TendCli.run(Clock.systemUTC(), config, "run", "redis.config-set", "cache", "maxmemory-policy", "most-loved", "--force");
            assertThat(invalid.exitCode()).isEqualTo(1);
            assertThat(invalid.out()).contains("FAILED").contains("Redis refused").contains("still allkeys-lru");

            var forbidden = TendCli.run(Clock.systemUTC(), config, "run", "redis.config-set", "cache", "dir", "/tmp");
            assertThat(forbidden.exitCode()).isEqualTo(2);
            assertThat(forbidden.err()).contains("'dir' is not a key Tend changes");
        }
    }

    @Test
    void aFailedSaveFailsTheStepAndSaysWhere() throws Exception {
        var broken = RedisServer.own();
        try (var jedis = broken.connect()) {
            jedis.set("a", "1");
            Files.writeString(config, Files.readString(config).replace(redis.url(), broken.url()));
            try (var files = Files.walk(broken.dataDirectory())) { // the save has nowhere to go
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }

            var run = TendCli.run(Clock.systemUTC(), config, "run", "redis.bgsave", "cache", "--timeout", "20s");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).contains("FAILED — the save failed: rdb_last_bgsave_status err");
        } finally {
            broken.close();
        }
    }

    @Test
    void runListsEveryActionAndAsksForOne() {
        var list = TendCli.run(Clock.systemUTC(), config, "run", "--list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("  redis.expire-scan REDIS-TARGET [--count 100] [--timeout 10m]", "  docker.update DOCKER-TARGET [CONTAINER]",
                "  maintenance-mode --on|--off", "  http.load HTTP-TARGET");
        var none = TendCli.run(Clock.systemUTC(), config, "run");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("name the action to run (tend run --list shows them)");
    }

    @Test
    void wrongTargetsAndOptionsAreUsageErrors() {
        var unknown = TendCli.run(Clock.systemUTC(), config, "run", "redis.bgsave", "nothing");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("redis.bgsave: no target named 'nothing'; write redis.bgsave REDIS-TARGET");
        var option = TendCli.run(Clock.systemUTC(), config, "run", "redis.expire-scan", "cache", "--cuont", "5");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).contains("unknown option --cuont");
    }

    @Test
    void bigKeysAreFoundBySamplingAndTheCacheCheckJudgesTheHitRate() throws Exception {
        try (var jedis = redis.connect()) {
            for (int i = 0; i < 200; i++) jedis.set("small:" + i, "x");
            jedis.set("blob:report", "y".repeat(200_000));
            for (int i = 0; i < 2000; i++) jedis.rpush("queue:jobs", "job-" + i);

            var run = TendCli.run(Clock.systemUTC(), config, "run", "redis.bigkeys", "cache", "--top", "2", "--json");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            var steps = run.json().get("steps");
            assertThat(steps.get(0).asString()).endsWith(" string blob:report");
            assertThat(steps.get(1).asString()).endsWith(" list queue:jobs");
            assertThat(run.json().get("reason").asString()).startsWith("sized 202 of 202 keys");

            jedis.configResetStat();
            for (int i = 0; i < 1500; i++) jedis.get("small:" + (i % 200));
            for (int i = 0; i < 500; i++) jedis.get("missing:" + i);
            var check = TendCli.run(Clock.systemUTC(), config, "check", "--json");
            var cache = new java.util.ArrayList<String>();
            check.json().path("results").forEach(result -> {
                if (result.path("check").asString().equals("cache")) cache.add(result.path("status").asString() + " " + result.path("reason").asString());
            });
            assertThat(cache).singleElement().asString().startsWith("WARN hit rate 75% (1500 of 2000 lookups); 0 keys evicted");
        }
    }
}
