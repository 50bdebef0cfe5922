package dev.tend.redis;

import static dev.tend.check.RunChecks.measurement;
import static dev.tend.check.RunChecks.named;
import static dev.tend.check.RunChecks.oneTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.check.CheckResult;
import dev.tend.check.RunChecks;
import dev.tend.check.Status;
import dev.tend.testing.FreePorts;
import dev.tend.testing.RedisExtension;
import dev.tend.testing.RedisServer;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

@ExtendWith(RedisExtension.class)
class RedisChecksTest {

    @Test
    void aHealthyServerIsOk(RedisServer redis) throws Exception {
        var results = RunChecks.run(oneTarget("name: cache, type: redis, url: \"" + redis.url() + "\""));

        assertThat(results).extracting(CheckResult::check).containsExactly("ping", "memory", "persistence", "clients", "cache");
        assertThat(results).allSatisfy(result -> assertThat(result.status()).isEqualTo(Status.OK));
        assertThat(named(results, "ping").reason()).startsWith("Redis 7.").contains("(master) answered PING");
        assertThat(measurement(named(results, "memory"), "used_memory")).isGreaterThan(0);
        assertThat(measurement(named(results, "clients"), "connected_clients")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aStoppedServerIsCritical() throws Exception {
        var results = RunChecks.run(oneTarget("name: cache, type: redis, url: \"redis://127.0.0.1:" + FreePorts.next() + "\""));

        assertThat(results).allSatisfy(result -> {
            assertThat(result.status()).isEqualTo(Status.CRIT);
            assertThat(result.reason()).contains("refused");
        });
    }

    @Test
    void memoryOverItsThresholdWarnsWithTheFigures(RedisServer redis) throws Exception {
        try (var jedis = new Jedis(redis.host(), redis.port())) {
            jedis.configSet("maxmemory", "1gb");
            try {
                var results = RunChecks.run(oneTarget("name: cache, type: redis, url: \"" + redis.url() + "\", "
                        + "memory: { warn: 0.01, crit: 50 }"));

                var memory = named(results, "memory");
                assertThat(memory.status()).isEqualTo(Status.WARN);
                assertThat(memory.reason()).contains("of 1.1 GB maxmemory").contains("over the 0.0% threshold");
            } finally {
                jedis.configSet("maxmemory", "0");
            }
        }
    }

    @Test
    void aFailedBackgroundSaveIsCritical() throws Exception {
        // A Redis of our own whose data directory vanishes: its next BGSAVE cannot write.
        // (The shared server is left alone; Redis 7 also refuses CONFIG SET dir.)
        var directory = Files.createTempDirectory("tend-redis-bgsave");
        int port = FreePorts.next();
        var process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--dir", directory.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (var jedis = new Jedis("127.0.0.1", port)) {
            Awaitility.await().ignoreExceptions().until(() -> "PONG".equals(jedis.ping()));
            jedis.set("tend:key", "value");
            Files.delete(directory);
            jedis.bgsave();
            Awaitility.await().until(() -> jedis.info("persistence").contains("rdb_last_bgsave_status:err"));

            var persistence = named(RunChecks.run(oneTarget("name: cache, type: redis, url: \"redis://127.0.0.1:" + port + "\"")),
                    "persistence");

            assertThat(persistence.status()).isEqualTo(Status.CRIT);
            assertThat(persistence.reason()).startsWith("the last BGSAVE failed (rdb_last_bgsave_status:err)");
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    @Test
    void anAclPasswordFromTheEnvironmentIsUsedAndNeverShown(RedisServer redis) throws Exception {
        var yaml = oneTarget("name: cache, type: redis, url: \"" + redis.url() + "\", username: " + redis.aclUser()
                + ", password: \"${env:REDIS_PASSWORD}\"");

        var good = RunChecks.run(yaml, Clock.systemUTC(), Map.of("REDIS_PASSWORD", redis.aclPassword()));
        var wrong = "not-" + redis.aclPassword();
        var bad = RunChecks.run(yaml, Clock.systemUTC(), Map.of("REDIS_PASSWORD", wrong));

        assertThat(named(good, "ping").status()).isEqualTo(Status.OK);
        assertThat(named(bad, "ping").status()).isEqualTo(Status.CRIT);
        assertThat(named(bad, "ping").reason()).containsIgnoringCase("WRONGPASS");
        assertThat(bad.toString() + good).doesNotContain(redis.aclPassword());
    }
}
