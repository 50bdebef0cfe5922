package dev.tend.backup;

import dev.tend.check.Failures;
import dev.tend.check.Measurement;
import dev.tend.config.Redactor;
import dev.tend.postgres.PostgresTarget;
import dev.tend.redis.RedisTarget;
import dev.tend.store.Database;
import dev.tend.task.TaskOutcome;
import dev.tend.task.TaskOutcomes;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Creating, listing, verifying, pruning and restoring backups: what the CLI, the scheduler and
 * the demo call. Every create, prune and restore is recorded as a task outcome, every
 * verification and drill as a {@link Verification}.
 */
public final class BackupService {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private final Clock clock;
    private final Function<String, String> environment;
    private final ZoneId zone;
    private final Redactor redactor;
    private final BackupListener listener;

    public BackupService(Clock clock, Function<String, String> environment, ZoneId zone, Redactor redactor, BackupListener listener) {
        this.clock = clock;
        this.environment = environment;
        this.zone = zone;
        this.redactor = redactor;
        this.listener = listener;
    }

    /** A new backup and what was cleaned up from earlier, interrupted ones. */
    public record Created(Manifest manifest, List<String> cleaned) {}

    public Created create(BackupSettings settings, String retentionClass, Database store) {
        var started = clock.instant();
        var destination = Destinations.open(settings);
        Manifest manifest;
        List<String> cleaned;
        try (var lock = destination.lock()) {
            cleaned = destination.removeLeftovers(started, settings.timeout());
            var id = nextId(started, destination.usedIds(), destination.exclusive());
            manifest = switch (settings.target()) {
                case PostgresTarget postgres -> new PostgresDump(settings, tools(settings), clock, listener).run(destination, id, retentionClass);
                case RedisTarget redis -> new RedisDump(settings, redis, clock, listener).run(destination, id, retentionClass);
                default -> throw new BackupException("backups are of postgres or redis targets");
            };
        } catch (Exception e) {
            var reason = redactor.redact(message(e));
            new TaskOutcomes(store).save(outcome("backup.create", settings, "-", TaskOutcome.Result.FAILED, reason, started, List.of(), List.of()));
            throw new BackupException("backup " + settings.name() + " failed: " + reason, e);
        }
        // Published from here on: a store that refuses the record must not make it look failed.
        var steps = new ArrayList<String>();
        cleaned.forEach(path -> steps.add("removed leftover " + path));
        steps.add("wrote " + destination.describe() + "/" + manifest.id() + " (" + manifest.files().size() + " files, SHA-256 " + manifest.sha256() + ")");
        try {
            new TaskOutcomes(store).save(outcome("backup.create", settings, manifest.id(), TaskOutcome.Result.SUCCEEDED,
                    "backup " + manifest.id() + " written and published", started, steps, figures(manifest)));
        } catch (RuntimeException e) {
            throw new BackupException("backup " + settings.name() + " " + manifest.id() + " was written and published in " + destination.describe()
                    + ", but the store did not record it: " + message(e), e);
        }
        return new Created(manifest, cleaned);
    }

    /** One backup as listed: its manifest and its latest verification, if any. */
    public record Listing(Manifest manifest, Optional<Verification> lastVerification) {}

    /** What a destination holds, read once: complete backups, leftovers of interrupted runs, damaged backups. */
    public record Inventory(List<Listing> backups, List<String> leftovers, List<String> damaged) {}

    public Inventory inventory(BackupSettings settings, Database store) {
        var destination = Destinations.open(settings);
        var scan = destination.scan(); // every manifest is read once, for the listing and the damaged ones alike
        var verifications = new Verifications(store).recent(settings.name(), 1000);
        var backups = scan.readable().stream().sorted(java.util.Comparator.comparing(Manifest::startedAt).reversed())
                .map(manifest -> new Listing(manifest, verifications.stream()
                        .filter(verification -> verification.backupId().equals(manifest.id())).findFirst())).toList();
        return new Inventory(backups, destination.leftovers(), scan.damaged());
    }

    /** Verifies (or drills) one backup — the given id, else the newest — and records the result. */
    public Verification verify(BackupSettings settings, Optional<String> id, String kind, Optional<String> into, boolean keep, Database store) {
        var destination = Destinations.open(settings);
        var manifest = find(destination, settings, id);
        var scratch = into.orElse(scratchName(kind, settings));
        var verification = new Verifier(settings, clock, listener, this::tools, PgTools.onPath("redis-server", environment.apply("PATH"))).verify(manifest, destination, kind, scratch, into.isEmpty(), keep);
        var redacted = redact(verification);
        new Verifications(store).save(redacted);
        return redacted;
    }

    public List<Retention.Decision> prune(BackupSettings settings, boolean dryRun, Database store) {
        var started = clock.instant();
        var destination = Destinations.open(settings);
        try (var lock = destination.lock()) {
            var steps = new ArrayList<String>();
            if (!dryRun) destination.removeLeftovers(started, settings.timeout()).forEach(path -> steps.add("removed leftover " + path));
            var backups = destination.list();
            var decisions = Retention.decide(backups, settings.retention(), started, zone, newestVerified(backups, store, settings));
            for (var decision : decisions) {
                if (decision.keep()) continue;
                try {
                    if (!dryRun) destination.delete(decision.backup());
                } catch (RuntimeException e) {
                    new TaskOutcomes(store).save(outcome("backup.prune", settings, settings.name(), TaskOutcome.Result.FAILED,
                            "stopped at " + decision.backup().id() + ": " + redactor.redact(message(e)), started, steps, List.of()));
                    throw e;
                }
                steps.add((dryRun ? "would delete " : "deleted ") + decision.backup().id() + " (" + decision.reason() + ")");
            }
            long deleted = decisions.stream().filter(decision -> !decision.keep()).count();
            new TaskOutcomes(store).save(outcome("backup.prune", settings, settings.name(), dryRun ? TaskOutcome.Result.PLANNED : TaskOutcome.Result.SUCCEEDED,
                    (dryRun ? "would delete " : "deleted ") + deleted + " of " + decisions.size() + " backups", started, steps,
                    List.of(new Measurement("deleted", deleted, "backups"), new Measurement("kept", decisions.size() - deleted, "backups"))));
            return decisions;
        } catch (Exception e) {
            if (e instanceof BackupException backup) throw backup;
            throw new BackupException("pruning " + settings.name() + " failed: " + message(e), e);
        }
    }

    /** The newest backup whose latest verification (or drill) passed: a later failed re-check withdraws the protection. */
    private static Optional<String> newestVerified(List<Manifest> newestFirst, Database store, BackupSettings settings) {
        var latestByBackup = new java.util.HashMap<String, Boolean>();
        new Verifications(store).recent(settings.name(), 10_000).forEach(verification -> latestByBackup.putIfAbsent(verification.backupId(), verification.passed()));
        return newestFirst.stream().map(Manifest::id).filter(id -> latestByBackup.getOrDefault(id, false)).findFirst();
    }

    /** Restores a backup into a database for real: a new one, or (replace) an existing one in one transaction. */
    public TaskOutcome restore(BackupSettings settings, String id, String database, boolean replace, Database store) {
        if (!(settings.target() instanceof PostgresTarget server)) {
            throw new BackupException("restore is for postgres backups; a Redis backup is restored by copying its RDB file into place");
        }
        var started = clock.instant();
        var destination = Destinations.open(settings);
        var manifest = find(destination, settings, Optional.of(id));
        TaskOutcome outcome;
        try {
            new Restorer(tools(settings), settings, listener).restore(manifest, destination, server, database, replace);
            outcome = outcome("backup.restore", settings, database, TaskOutcome.Result.SUCCEEDED,
                    "restored " + id + " into " + database + (replace ? " (replaced)" : " (new database)"), started,
                    List.of("pg_restore " + manifest.id() + " → " + server.onDatabase(database).where()), figures(manifest));
        } catch (Exception e) {
            outcome = outcome("backup.restore", settings, database, TaskOutcome.Result.FAILED, redactor.redact(message(e)), started,
                    List.of(), List.of());
        }
        new TaskOutcomes(store).save(outcome);
        return outcome;
    }

    /**
     * tend_verify_NAME_HASH: readable, and unique per source database and exact backup name, so two
     * configs with a backup "db" on one server (or names "a-b" and "a_b") never share one.
     */
    static String scratchName(String kind, BackupSettings settings) {
        var source = settings.target() instanceof PostgresTarget postgres ? postgres.where() : settings.target().name();
        var hash = Sha256Sums.hex(Hashing.sha256((source + "/" + settings.name()).getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 8);
        var readable = settings.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return "tend_" + kind + "_" + readable + "_" + hash;
    }

    PgTools tools(BackupSettings settings) {
        return PgTools.find(settings.binDirectory(), environment.apply("PATH"));
    }

    private static Manifest find(Destination destination, BackupSettings settings, Optional<String> id) {
        var backups = destination.list();
        if (backups.isEmpty()) throw new BackupException("no complete backup of " + settings.name() + " in " + destination.describe());
        if (id.isEmpty()) return backups.get(0);
        return backups.stream().filter(manifest -> manifest.id().equals(id.get())).findFirst().orElseThrow(() ->
                new BackupException("no backup " + id.get() + " of " + settings.name() + "; newest: " + backups.get(0).id()));
    }

    /**
     * The start time, to the second. Where the destination cannot exclude a second writer (S3), a
     * random suffix keeps two instances starting in the same second from sharing an id.
     */
    private static String nextId(Instant now, java.util.Set<String> used, boolean exclusive) {
        var base = ID.format(now) + (exclusive ? "" : "-" + java.util.HexFormat.of().toHexDigits((short) RANDOM.nextInt()));
        var id = base;
        for (int suffix = 2; used.contains(id); suffix++) id = base + "-" + suffix;
        return id;
    }

    private TaskOutcome outcome(String task, BackupSettings settings, String object, TaskOutcome.Result result, String reason,
            Instant started, List<String> steps, List<Measurement> after) {
        return new TaskOutcome(task, settings.target().name(), settings.name() + "/" + object, result, reason, false, started,
                Duration.between(started, clock.instant()), steps, List.of(), after);
    }

    private static List<Measurement> figures(Manifest manifest) {
        return List.of(new Measurement("backup.size", manifest.sizeBytes(), "bytes"),
                new Measurement("backup.tables", manifest.tables().size(), "tables"),
                new Measurement("backup.rows", manifest.rows(), "rows"),
                new Measurement("backup.seconds", Duration.between(manifest.startedAt(), manifest.finishedAt()).toMillis() / 1000.0, "s"));
    }

    private Verification redact(Verification verification) {
        return new Verification(verification.backup(), verification.backupId(), verification.kind(), verification.passed(),
                verification.problems().stream().map(redactor::redact).toList(), verification.notes().stream().map(redactor::redact).toList(),
                verification.startedAt(), verification.duration(), verification.checksumTime(), verification.restoreTime(),
                verification.tables(), verification.rows(), verification.queries());
    }

    static String message(Throwable e) {
        return (e instanceof SQLException ? "PostgreSQL: " : "") + Failures.describe(e);
    }

    static void deleteQuietly(java.nio.file.Path directory) {
        try {
            LocalDestination.deleteTree(directory);
        } catch (RuntimeException ignored) {
            // a temporary directory; the OS cleans it eventually
        }
    }

    static java.nio.file.Path workDirectory() throws IOException {
        return Files.createTempDirectory("tend-backup-");
    }
}
