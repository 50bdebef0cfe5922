package dev.tend.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.testing.RedisServer;
import dev.tend.testing.TendCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A real Redis's ACL users: who may run everything, who administers, who has no password. */
class RedisAccessReviewTest {
    @TempDir
    Path directory;

    @Test
    void aclUsersAreReviewedWithTheirPowersAndPasswordlessOnesAreFindings() throws Exception {
        try (var redis = RedisServer.own()) {
            try (var jedis = redis.connect()) {
                jedis.aclSetUser("cache-app", "reset", "on", ">app-secret", "~cache:*", "+@read", "+@write");
                jedis.aclSetUser("ops", "reset", "on", ">ops-secret", "~*", "+@admin", "+@read");
                jedis.aclSetUser("legacy", "reset", "off", "nopass", "~*", "+@read");
            }
            var config = Files.writeString(directory.resolve("tend.yaml"), """
                    platform: { name: Lab }
                    targets:
                      - { name: cache, type: redis, url: "%s" }
                    accessReviews:
                      - { name: cache-users, target: cache }
                    store: { path: "%s" }
                    """.formatted(redis.url(), directory.resolve("tend.db")));

            var run = TendCli.run(Clock.systemUTC(), config, "access", "review", "cache-users", "--json");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            var review = run.json();
            // The default user runs everything without a password: the finding that matters most here.
            assertThat(names(review.path("superusers"))).contains("default", redis.aclUser()).doesNotContain("cache-app", "ops");
            assertThat(names(review.path("admins"))).containsExactly("ops");
            assertThat(review.path("findings").toString()).contains("default: no password").doesNotContain("legacy: no password");
            assertThat(review.path("inactive")).isEmpty();
            assertThat(review.path("notes").get(0).asString()).isEqualTo("Redis keeps no login times: inactivity is not judged for its users");
            assertThat(run.out()).doesNotContain("app-secret").doesNotContain("ops-secret");
        }
    }

    @Test
    void aDeadServerIsNamedWithTheReviewAndNothingIsKept() throws Exception {
        int port = dev.tend.testing.FreePorts.next();
        var config = Files.writeString(directory.resolve("tend.yaml"), """
                platform: { name: Lab }
                targets:
                  - { name: cache, type: redis, url: "redis://127.0.0.1:%d" }
                accessReviews:
                  - { name: cache-users, target: cache }
                people:
                  - { name: dana, roles: [Security Team] }
                store: { path: "%s" }
                """.formatted(port, directory.resolve("tend.db")));

        var run = TendCli.run(Clock.systemUTC(), config, "access", "review", "cache-users");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("access review cache-users: target cache (127.0.0.1:" + port + "): connection refused");
        assertThat(TendCli.run(Clock.systemUTC(), config, "access", "sign", "cache-users", "--as", "dana", "--comment", "y").err())
                .contains("nothing to sign: access review cache-users has not been written yet (tend access review cache-users)");
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }
}
