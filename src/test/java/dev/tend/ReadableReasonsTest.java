package dev.tend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.check.BlackHole;
import dev.tend.cli.Main;
import dev.tend.testing.DockerEngine;
import dev.tend.testing.DockerExtension;
import dev.tend.testing.FreePorts;
import dev.tend.testing.JavaNames;
import dev.tend.testing.NginxExtension;
import dev.tend.testing.NginxServer;
import dev.tend.testing.PostgresExtension;
import dev.tend.testing.PostgresServer;
import dev.tend.testing.RedisExtension;
import dev.tend.testing.RedisServer;
import dev.tend.testing.S3Extension;
import dev.tend.testing.S3Server;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever breaks, Tend says so in words, never in Java. A platform in which every target is broken
 * in its own way — dead ports, the wrong protocol on a port, bad credentials, untrusted TLS, a
 * missing bucket, container or volume, a server that never answers — is checked through the CLI as
 * a user runs it, and no reason may hold a class, package or exception name (see {@link JavaNames}).
 *
 * <p>Why one test over a broken platform rather than a helper in every check test: the leaks come
 * from drivers' exceptions on paths feature tests rarely take, and a new target type or failure
 * mode is one line of config here. Every target must also show a failure, so a mode that quietly
 * stops failing (a port that started answering) is seen instead of weakening the guard unnoticed.
 * Tasks, backups and runbook steps on dead services are held to the same rule on every line printed.
 */
@ExtendWith({PostgresExtension.class, RedisExtension.class, NginxExtension.class, S3Extension.class, DockerExtension.class})
class ReadableReasonsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    @TempDir
    Path directory;
    private BlackHole silent;
    private final Map<String, String> places = new LinkedHashMap<>();

    @BeforeEach
    void places(PostgresServer postgres, RedisServer redis, NginxServer nginx, S3Server s3, DockerEngine docker) throws Exception {
        silent = new BlackHole(); // accepts, never answers
        places.put("{dead}", "127.0.0.1:" + FreePorts.next());
        places.put("{silent}", "127.0.0.1:" + silent.port());
        places.put("{https}", "127.0.0.1:" + nginx.httpsPort());
        places.put("{http}", "127.0.0.1:" + nginx.httpPort());
        places.put("{nginx-ca}", nginx.certificatePem().toString());
        places.put("{redis}", "127.0.0.1:" + redis.port());
        places.put("{redis-user}", redis.aclUser());
        places.put("{postgres}", "127.0.0.1:" + postgres.port());
        places.put("{pg-user}", postgres.passwordUser());
        places.put("{s3}", s3.endpoint());
        places.put("{docker}", docker.socket().toString());
        places.put("{dir}", directory.toString());
        places.put("{file}", Files.writeString(directory.resolve("a-file"), "x").toString());
    }

    @AfterEach
    void stop() throws Exception {
        silent.close();
    }

    @Test
    void everyCheckOfABrokenPlatformExplainsItselfInWords() throws Exception {
        var config = config("""
                targets:
                  - { name: tcp-dead, type: tcp, address: "{dead}" }
                  - { name: tcp-unknown-host, type: tcp, address: "no-such-host.invalid:80" }
                  - { name: http-dead, type: http, url: "http://{dead}/health" }
                  - { name: http-self-signed, type: http, url: "https://{https}/health" }
                  - { name: http-tls-to-plain, type: http, url: "https://{http}/health" }
                  - { name: http-silent, type: http, url: "http://{silent}/health", timeout: 1s }
                  - { name: http-to-redis, type: http, url: "http://{redis}/" }
                  - { name: tls-dead, type: tls, address: "{dead}" }
                  - { name: tls-self-signed, type: tls, address: "{https}" }
                  - { name: tls-wrong-name, type: tls, address: "{https}", ca: "{nginx-ca}", serverName: wrong.example.org }
                  - { name: tls-plain, type: tls, address: "{http}" }
                  - { name: tls-silent, type: tls, address: "{silent}", timeout: 1s }
                  - { name: tls-to-redis, type: tls, address: "{redis}", timeout: 1s }
                  - { name: pg-dead, type: postgres, url: "postgresql://postgres@{dead}/app" }
                  - { name: pg-password, type: postgres, url: "postgresql://{pg-user}@{postgres}/postgres", password: "${env:WRONG}" }
                  - { name: pg-no-database, type: postgres, url: "postgresql://postgres@{postgres}/no_such_database" }
                  - { name: pg-to-redis, type: postgres, url: "postgresql://postgres@{redis}/app", timeout: 1s }
                  - { name: pg-to-http, type: postgres, url: "postgresql://postgres@{http}/app" }
                  - { name: pg-silent, type: postgres, url: "postgresql://postgres@{silent}/app", timeout: 1s }
                  - { name: redis-dead, type: redis, url: "redis://{dead}" }
                  - { name: redis-password, type: redis, url: "redis://{redis}", username: "{redis-user}", password: "${env:WRONG}" }
                  - { name: redis-to-postgres, type: redis, url: "redis://{postgres}" }
                  - { name: redis-tls-to-plain, type: redis, url: "rediss://{redis}", timeout: 1s }
                  - { name: redis-to-http, type: redis, url: "redis://{http}" }
                  - { name: redis-silent, type: redis, url: "redis://{silent}", timeout: 1s }
                  - { name: s3-dead, type: s3, endpoint: "http://{dead}", bucket: files, writeProbe: true, minio: true }
                  - { name: s3-no-bucket, type: s3, endpoint: "{s3}", bucket: no-such-bucket, writeProbe: true }
                  - { name: s3-self-signed, type: s3, endpoint: "https://{https}", bucket: files }
                  - { name: s3-to-nginx, type: s3, endpoint: "http://{http}", bucket: files, writeProbe: true }
                  - { name: s3-silent, type: s3, endpoint: "http://{silent}", bucket: files, timeout: 1s }
                  - { name: docker-missing, type: docker, socket: "{dir}/no-such.sock", containers: [app] }
                  - { name: docker-not-a-socket, type: docker, socket: "{file}", containers: [app] }
                  - { name: docker-no-container, type: docker, socket: "{docker}", containers: [no-such-container] }
                  - { name: host-missing, type: host, volumes: ["{dir}/no-such-volume"], directories: [{ path: "{dir}/no-such-dir" }] }
                backups:
                  - { name: to-a-file, target: pg-dead, destination: "{file}/backups" }
                  - { name: to-no-bucket, target: pg-dead, destination: "s3://no-such-bucket/pg", s3: s3-no-bucket }
                  - { name: to-dead-s3, target: pg-dead, destination: "s3://files/pg", s3: s3-dead }
                """);

        var run = tend(config, "check", "--json");

        var results = JSON.readTree(run.out()).path("results");
        assertThat(results.size()).as(run.out() + run.err()).isGreaterThan(40);
        var softly = new SoftAssertions();
        var targets = new TreeSet<String>();
        var failing = new TreeSet<String>();
        results.forEach(result -> {
            var target = result.path("target").asString();
            var reason = result.path("reason").asString();
            targets.add(target);
            if (!result.path("status").asString().equals("OK")) failing.add(target);
            softly.assertThat(JavaNames.in(reason)).as(target + " " + result.path("check").asString() + ": " + reason).isEmpty();
        });
        softly.assertThat(failing).as("targets whose failure showed").isEqualTo(targets);
        softly.assertAll();
    }

    @Test
    void tasksBackupsAndRunbookStepsOnDeadServicesSayWhatFailedInWords() throws Exception {
        var config = config("""
                targets:
                  - { name: pg-dead, type: postgres, url: "postgresql://postgres@{dead}/app" }
                  - { name: pg-password, type: postgres, url: "postgresql://{pg-user}@{postgres}/postgres", password: "${env:WRONG}" }
                  - { name: redis-dead, type: redis, url: "redis://{dead}" }
                  - { name: s3-dead, type: s3, endpoint: "http://{dead}", bucket: files }
                backups:
                  - { name: dead-db, target: pg-dead, destination: "{dir}/backups" }
                  - { name: dead-redis, target: redis-dead, destination: "{dir}/backups" }
                  - { name: dead-s3, target: pg-password, destination: "s3://files/pg", s3: s3-dead }
                runbooks:
                  - { name: task-fails, steps: [{ name: vacuum, run: pg.vacuum pg-dead }] }
                  - { name: backup-fails, steps: [{ name: backup, run: backup.create dead-s3 }] }
                """);

        var runs = new LinkedHashMap<String, Run>();
        for (var task : List.of("pg.vacuum", "pg.analyze", "pg.reindex", "pg.terminate-idle", "pg.statements-reset")) {
            for (var target : List.of("pg-dead", "pg-password")) runs.put(task + " " + target, tend(config, "run", task, "--target", target, "--force"));
        }
        runs.put("pg report", tend(config, "pg", "report", "pg-dead"));
        for (var backup : List.of("dead-db", "dead-redis", "dead-s3")) {
            runs.put("backup create " + backup, tend(config, "backup", "create", backup));
            runs.put("backup verify " + backup, tend(config, "backup", "verify", backup));
        }
        runs.put("runbook task-fails", tend(config, "runbook", "run", "task-fails"));
        runs.put("runbook backup-fails", tend(config, "runbook", "run", "backup-fails"));

        var softly = new SoftAssertions();
        runs.forEach((label, run) -> {
            var printed = run.out() + run.err();
            softly.assertThat(run.exitCode()).as(label + " failed: " + printed).isEqualTo(1);
            softly.assertThat(JavaNames.in(printed)).as(label + ": " + printed).isEmpty();
        });
        softly.assertAll();
    }

    /** A config whose {@code {place}} markers name the broken and the healthy services of this run. */
    private Path config(String targets) throws Exception {
        var text = "platform: { name: Broken }\n" + targets + "store: { path: \"{dir}/tend.db\" }\n";
        for (var place : places.entrySet()) text = text.replace(place.getKey(), place.getValue());
        return Files.writeString(directory.resolve("tend.yaml"), text);
    }

    private record Run(int exitCode, String out, String err) {}

    private static Run tend(Path config, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        Map<String, String> environment = Map.of("PATH", System.getenv("PATH"), "WRONG", "not-the-password");
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-c", config.toString()));
        int code = Main.run(new Main.Environment(Clock.systemUTC(), environment::get), new PrintWriter(out), new PrintWriter(err),
                all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }
}
