package dev.tend.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts the demo platform, writes a tend.yaml describing it, and lets the caller run Tend on it.
 * Kept apart from the CLI so only this package needs the demo-only libraries.
 */
public final class Demo implements AutoCloseable {
    private final DemoPlatform platform;
    private final DemoReceiver receiver;
    private final Path configFile;

    private Demo(DemoPlatform platform, DemoReceiver receiver, Path configFile) {
        this.platform = platform;
        this.receiver = receiver;
        this.configFile = configFile;
    }

    /** Starts everything; the config lands in {@code directory/tend.yaml}. */
    public static Demo start(Path directory, PrintWriter out) throws Exception {
        out.println("Starting the demo platform: PostgreSQL 15 (embedded), Redis, an API health endpoint...");
        out.flush();
        var platform = DemoPlatform.start();
        DemoReceiver receiver = null;
        try {
            receiver = new DemoReceiver();
            Files.createDirectories(directory);
            // The webhook's signing secret stays out of tend.yaml, as a real one would: a file only its owner reads.
            var secret = directory.toAbsolutePath().resolve("hook-secret");
            Files.deleteIfExists(secret);
            Files.createFile(secret, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            Files.writeString(secret, receiver.secret());
            DemoLog.write(directory.toAbsolutePath().resolve("logs/api.log"), java.time.Instant.now());
            var configFile = directory.resolve("tend.yaml");
            Files.writeString(configFile, config(platform, receiver, secret, directory));
            out.println("  PostgreSQL on 127.0.0.1:" + platform.postgresPort() + " with database molecules ("
                    + platform.moleculeCount() + " sample rows)");
            out.println("  Redis      on 127.0.0.1:" + platform.redisPort());
            out.println("  API        on http://127.0.0.1:" + platform.apiPort() + "/health");
            out.println("  webhooks   " + receiver.url("oncall") + " (on call, signed) and " + receiver.url("users") + " (announcements)");
            out.println("  config     " + configFile);
            out.flush();
            return new Demo(platform, receiver, configFile);
        } catch (IOException | RuntimeException e) {
            if (receiver != null) receiver.close();
            platform.close();
            throw e;
        }
    }

    /** The API's health endpoint starts answering 503 (true) or recovers (false). */
    public void apiDown(boolean down) {
        platform.apiDown(down);
    }

    /** What a demo webhook ({@code oncall} or {@code users}) received, one line each: the event, its headline, the signature's verdict. */
    public List<String> received(String hook) {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        return receiver.received().stream().filter(received -> received.hook().equals(hook)).map(received -> {
            var body = json.readTree(received.body());
            return body.path("type").asString() + ": " + body.path("incident").path("title").asString()
                    + (received.signed() ? (received.signatureValid() ? " (signature verified)" : " (SIGNATURE INVALID)") : "");
        }).toList();
    }

    public Path configFile() {
        return configFile;
    }

    private static String config(DemoPlatform platform, DemoReceiver receiver, Path secret, Path directory) {
        return """
                # Written by `tend demo`: the molecular-data platform of the first runbook, in miniature.
                platform: { name: "Molecular data platform (demo)", timezone: UTC }
                store: { path: "%s/tend.db" }
                targets:
                  - name: postgres
                    type: postgres
                    description: PostgreSQL holding the molecules database
                    url: "postgresql://postgres@127.0.0.1:%d/molecules"
                  - { name: redis, type: redis, url: "redis://127.0.0.1:%d", description: cache and queue }
                  - name: api
                    type: http
                    description: the FastAPI backend's health endpoint
                    url: "http://127.0.0.1:%d/health"
                    json: [ { path: $.status, equals: ok } ]
                    dependsOn: [postgres, redis]
                  - { name: postgres-port, type: tcp, address: "127.0.0.1:%d" }
                  - name: host
                    type: host
                    volumes: ["/"]
                    directories: [ { path: "%s", warn: 1GB, crit: 5GB } ]
                    # CPU, memory and disk I/O are watched by default; the demo leaves them out so its
                    # figures do not depend on what else this machine is doing.
                    resources: { enabled: false }
                backups:
                  - name: molecules
                    target: postgres
                    destination: backups
                    retention: { daily: 30d, weekly: 90d }
                    verify: { queries: ["SELECT count(*) FROM molecules", "SELECT count(*) > 0 FROM molecules"] }
                # The runbooks' windows: weekly Sunday 02:00-04:00 UTC, monthly first Sunday 01:00-05:00 UTC.
                windows:
                  - { name: weekly,  cron: "0 2 * * SUN",   duration: 2h, timezone: UTC }
                  - { name: monthly, cron: "0 1 * * SUN#1", duration: 4h, timezone: UTC }
                schedules:
                  - { name: nightly-backup, run: backup.create molecules, cron: "0 1 * * *", jitter: 10m }
                  - { name: verify-backup,  run: backup.verify molecules, cron: "0 3 * * *" }
                  - { name: prune-backups,  run: backup.prune molecules,  cron: "30 3 * * *" }
                  - { name: idle-sessions,  run: pg.terminate-idle postgres, cron: "0 9 * * MON", expectedDuration: 5m }
                  - { name: reindex,        run: pg.reindex postgres, window: monthly }
                people:
                  - { name: admin, roles: [System Administrator, Database Administrator, Backup Administrator] }
                  - { name: dana, roles: [Security Team] }
                checklists:
                  - name: daily
                    template: daily
                    evidence:
                      backup-completion: { backup: molecules }
                      disk-space: { check: host }
                  - { name: before-weekly, template: pre-maintenance, window: weekly }
                  # Capacity planning and the audits are ticked by their signed reports (tend report sign KIND).
                  - { name: quarterly, template: quarterly }
                # The monthly account audit: the server's roles, and the application's users by its own table.
                accessReviews:
                  - { name: db-roles, target: postgres }
                  - { name: app-users, target: postgres, users: "SELECT username AS user, role, last_login FROM users", adminRoles: [admin] }
                rotations:
                  - { name: api-keys, every: 90d, owner: Security Team }
                runbooks:
                  - { name: daily, template: daily, backup: molecules }
                  - { name: sunday, template: maintenance-window, window: weekly, backup: molecules, database: postgres }
                  # No window: a hotfix runs when needed, behind the maintenance page.
                  - name: hotfix
                    title: Hotfix deployment
                    steps:
                      - { name: maintenance-on, run: maintenance-mode --on }
                      - { name: migrate, command: { argv: ["echo applying migration 0042 && echo migration 0042 applied"], shell: true, timeout: 1m } }
                      - { name: maintenance-off, run: maintenance-mode --off }
                      - { name: load-test, run: http.load api --requests 200 --concurrency 10, phase: verify, onFailure: continue }
                # While this file exists, an nginx with examples/nginx/maintenance.conf shows the maintenance page.
                maintenanceMode: { file: "%s/maintenance.on" }
                # A problem pages after 2 bad results in a row and resolves after 1 good one. The demo breaks
                # its API on purpose on every run, so running it again soon is not taken for flapping.
                alerting: { fireAfter: 2, resolveAfter: 1, flapping: { changes: 20, within: 1m } }
                notifiers:
                  - { name: oncall-hook, type: webhook, url: "%s", secret: "${file:%s}" }
                  - { name: users-hook, type: webhook, url: "%s" }
                announcements: { notify: [users-hook] }
                # The API's JSON log of the last hour: tend logs analyze api
                logs:
                  - { name: api, files: ["%s/logs/api.log"] }
                """.formatted(directory.toAbsolutePath().getParent(), platform.postgresPort(), platform.redisPort(), platform.apiPort(), platform.postgresPort(),
                directory.toAbsolutePath().getParent(), directory.toAbsolutePath(), receiver.url("oncall"), secret, receiver.url("users"), directory.toAbsolutePath());
    }

    @Override
    public void close() throws IOException {
        receiver.close();
        platform.close();
    }
}
