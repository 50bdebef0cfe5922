package dev.tend.logs;

import dev.tend.check.Check;
import dev.tend.check.Status;
import dev.tend.check.Verdict;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;

/**
 * Is rotation happening, as rotate: says: no current file far past maxSize, a rotation within twice
 * every, no rotated file past compressAfter uncompressed or past deleteAfter still there, no more
 * than keep. A day's grace on the ages, so a weekly job that runs late is not a finding.
 */
final class RotationCheck implements Check {
    private static final Duration GRACE = Duration.ofDays(1);
    private final LogSourceSettings source;
    private final RotateSettings rotate;
    private final Clock clock;

    RotationCheck(LogSourceSettings source, RotateSettings rotate, Clock clock) {
        this.source = source;
        this.rotate = rotate;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "rotation";
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        var now = clock.instant();
        var findings = new ArrayList<String>();
        int rotatedCount = 0;
        var files = LogFiles.expand(source.files());
        var current = files.stream().filter(file -> !LogFiles.isRotatedName(file.getFileName().toString())).toList();
        if (current.isEmpty()) return Verdict.builder().verdict(Status.UNKNOWN, "no file matches " + String.join(", ", source.files()));
        for (var file : current) {
            long size = Files.size(file);
            if (rotate.maxSize().isPresent() && size > 2 * rotate.maxSize().get()) {
                findings.add(file.getFileName() + " is " + size + " bytes, over twice maxSize: rotation is not keeping up");
            }
            var rotated = LogFiles.rotated(file);
            rotatedCount += rotated.size();
            if (rotate.every().isPresent()) {
                var newest = rotated.isEmpty() ? Files.getLastModifiedTime(file).toInstant().minus(Duration.ofDays(36500))
                        : Files.getLastModifiedTime(rotated.getLast()).toInstant();
                var since = Duration.between(newest, now);
                if (since.compareTo(rotate.every().get().multipliedBy(2).plus(GRACE)) > 0) {
                    findings.add(file.getFileName() + (rotated.isEmpty() ? " was never rotated" : " was last rotated " + since.toDays() + " days ago")
                            + " (every " + rotate.every().get().toDays() + " days)");
                }
            }
            int uncompressed = 0;
            int expired = 0;
            for (var sibling : rotated) {
                var age = Duration.between(Files.getLastModifiedTime(sibling).toInstant(), now);
                if (rotate.compressAfter().isPresent() && !sibling.toString().endsWith(".gz") && age.compareTo(rotate.compressAfter().get().plus(GRACE)) > 0) uncompressed++;
                if (rotate.deleteAfter().isPresent() && age.compareTo(rotate.deleteAfter().get().plus(GRACE)) > 0) expired++;
            }
            if (uncompressed > 0) findings.add(uncompressed + " rotated files of " + file.getFileName() + " are past compressAfter and not compressed");
            if (expired > 0) findings.add(expired + " rotated files of " + file.getFileName() + " are past deleteAfter and still there");
            if (rotate.keep() > 0 && rotated.size() > rotate.keep()) {
                findings.add(file.getFileName() + " has " + rotated.size() + " rotated files, more than keep " + rotate.keep());
            }
        }
        var builder = Verdict.builder().measure("rotated_files", rotatedCount, "count");
        if (findings.isEmpty()) return builder.ok("rotation as configured: " + rotatedCount + " rotated files, retention held");
        return builder.verdict(Status.WARN, String.join("; ", findings) + " — tend logs rotate " + source.name());
    }
}
