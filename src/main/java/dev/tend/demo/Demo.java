package dev.tend.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts the demo platform, writes a tend.yaml describing it, and lets the caller run Tend on it.
 * Kept apart from the CLI so only this package needs the demo-only libraries.
 */
public final class Demo implements AutoCloseable {
    private final DemoPlatform platform;
    private final Path configFile;

    private Demo(DemoPlatform platform, Path configFile) {
        this.platform = platform;
        this.configFile = configFile;
    }

    /** Starts everything; the config lands in {@code directory/tend.yaml}. */
    public static Demo start(Path directory, PrintWriter out) throws Exception {
        out.println("Starting the demo platform: PostgreSQL 15 (embedded), Redis, an API health endpoint...");
        out.flush();
        var platform = DemoPlatform.start();
        try {
            Files.createDirectories(directory);
            var configFile = directory.resolve("tend.yaml");
            Files.writeString(configFile, config(platform, directory));
            out.println("  PostgreSQL on 127.0.0.1:" + platform.postgresPort() + " with database molecules ("
                    + platform.moleculeCount() + " sample rows)");
            out.println("  Redis      on 127.0.0.1:" + platform.redisPort());
            out.println("  API        on http://127.0.0.1:" + platform.apiPort() + "/health");
            out.println("  config     " + configFile);
            out.flush();
            return new Demo(platform, configFile);
        } catch (IOException | RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    public Path configFile() {
        return configFile;
    }

    private static String config(DemoPlatform platform, Path directory) {
        return """
                # Written by `tend demo`: the molecular-data platform of the first runbook, in miniature.
                platform: { name: "Molecular data platform (demo)", timezone: UTC }
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
                checklists:
                  - name: daily
                    template: daily
                    evidence:
                      backup-completion: { backup: molecules }
                      disk-space: { check: host }
                  - { name: before-weekly, template: pre-maintenance, window: weekly }
                runbooks:
                  - { name: daily, template: daily, backup: molecules }
                  - { name: sunday, template: maintenance-window, window: weekly, backup: molecules, database: postgres }
                """.formatted(platform.postgresPort(), platform.redisPort(), platform.apiPort(), platform.postgresPort(),
                directory.toAbsolutePath().getParent());
    }

    @Override
    public void close() throws IOException {
        platform.close();
    }
}
