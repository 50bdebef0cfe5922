package dev.tend.host;

import dev.tend.check.Check;
import dev.tend.check.Status;
import dev.tend.check.Units;
import dev.tend.check.Verdict;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;

/** The size of a directory tree (the runbooks' "du -sh"), graded when levels are set. */
final class DirectorySizeCheck implements Check {
    private final HostTarget.Directory directory;

    DirectorySizeCheck(HostTarget.Directory directory) {
        this.directory = directory;
    }

    @Override
    public String name() {
        return "dir:" + directory.path();
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        var path = directory.path();
        if (!Files.isDirectory(path)) {
            return Verdict.builder().crit(path + " is not a directory or does not exist");
        }
        var totals = new long[4]; // bytes, files, unreadable entries, the root itself unreadable
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                // A huge tree must still stop when the runner's deadline interrupts us.
                if (Thread.currentThread().isInterrupted()) throw new InterruptedIOException("walk interrupted");
                totals[0] += attributes.size();
                totals[1]++;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) {
                if (file.equals(path)) totals[3] = 1;
                totals[2]++;
                return FileVisitResult.CONTINUE;
            }
        });
        if (totals[3] == 1) {
            return Verdict.builder().crit("cannot read " + path + "; check that tend may list it");
        }
        var verdict = Verdict.builder().measure("size", totals[0], "bytes").measure("files", totals[1], "count");
        var reason = path + " holds " + Units.bytes(totals[0]) + " in " + totals[1] + " files"
                + (totals[2] > 0 ? " (" + totals[2] + " entries unreadable)" : "");
        var status = directory.sizeBytes().map(levels -> levels.grade(totals[0])).orElse(Status.OK);
        if (status != Status.OK) {
            reason += ", over the " + Units.bytes(directory.sizeBytes().get().crossed(totals[0])) + " threshold";
        }
        return verdict.verdict(status, reason);
    }
}
