package dev.tend.backup;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One verification: checksums first (a corrupted backup is never restored), then a real restore
 * into a scratch copy judged against the manifest. Always returns a Verification; failures are its
 * problems, not exceptions, so every attempt leaves evidence.
 */
final class Verifier {
    private final BackupSettings settings;
    private final Clock clock;
    private final BackupListener listener;
    private final Function<BackupSettings, PgTools> tools;
    private final java.util.Optional<java.nio.file.Path> redisServer;

    Verifier(BackupSettings settings, Clock clock, BackupListener listener, Function<BackupSettings, PgTools> tools,
            java.util.Optional<java.nio.file.Path> redisServer) {
        this.redisServer = redisServer;
        this.settings = settings;
        this.clock = clock;
        this.listener = listener;
        this.tools = tools;
    }

    Verification verify(Manifest manifest, Destination destination, String kind, String scratchName, boolean ownName, boolean keep) {
        var started = clock.instant();
        var problems = new ArrayList<String>();
        var notes = new ArrayList<String>();
        var checksumTime = Duration.ZERO;
        Restored restored = null;
        java.nio.file.Path work = null;
        try {
            work = BackupService.workDirectory();
            listener.phase("checking the SHA-256 of " + manifest.files().size() + " file(s) of " + manifest.id(), manifest.sizeBytes());
            var fetched = destination.fetch(manifest, work);
            checksumTime = Duration.between(started, clock.instant());
            Integrity.compare(manifest, fetched, problems);
            if (problems.isEmpty()) {
                restored = "redis".equals(manifest.kind())
                        ? RedisVerifier.restore(manifest, fetched.directory(), clock, redisServer, problems, notes)
                        : new PostgresVerifier(settings, tools.apply(settings), clock, listener)
                                .restore(manifest, fetched.directory(), scratchName, ownName, keep, problems, notes);
            } else {
                notes.add("not restored: the files do not match their checksums");
            }
        } catch (Exception e) {
            problems.add(BackupService.message(e));
            for (var suppressed : e.getSuppressed()) problems.add(BackupService.message(suppressed)); // e.g. the scratch drop failed too
        } finally {
            if (work != null) BackupService.deleteQuietly(work);
        }
        return new Verification(settings.name(), manifest.id(), kind, problems.isEmpty(), List.copyOf(problems), List.copyOf(notes),
                started, Duration.between(started, clock.instant()), checksumTime,
                restored == null ? Duration.ZERO : restored.restoreTime(), restored == null ? 0 : restored.tables(),
                restored == null ? 0 : restored.rows(), restored == null ? Map.of() : restored.queries());
    }
}
