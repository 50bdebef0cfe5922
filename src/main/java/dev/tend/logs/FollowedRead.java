package dev.tend.logs;

import dev.tend.logs.format.LogFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a source's files gained since the last read, and nothing twice. Files are known by
 * inode, so a rotation by rename is followed: the renamed file is read on from its offset, the
 * new one from its start. A file shorter than its offset was truncated (copytruncate): the
 * newest rotated file it was copied to is read on from the old offset, then the file from its
 * start. Compressed files are copies of what was read before and are skipped. The first read of a
 * source starts at the end of every file: a check counts what happens from then on.
 */
public final class FollowedRead {
    private FollowedRead() {}

    /** What one read covered: the inputs, and whether it was the first (nothing counted). */
    public record Outcome(List<LogReader.Input> inputs, boolean first, int files) {}

    public static Outcome read(String source, List<String> patterns, LogFormat format, LogReader.Sink sink, LogCursors cursors, Instant now)
            throws IOException {
        var known = cursors.of(source);
        var files = LogFiles.expand(patterns).stream().filter(file -> !file.getFileName().toString().endsWith(".gz")).toList();
        var next = new ArrayList<LogCursors.Cursor>();
        var inputs = new ArrayList<LogReader.Input>();
        var lastRead = known.values().stream().map(LogCursors.Cursor::readAt).max(Instant::compareTo).orElse(Instant.EPOCH);
        // A file that shrank below its offset was copied then truncated: its copy is the rotated file just before it that we do not know.
        var copies = new java.util.HashMap<Path, Long>();
        for (int index = 1; index < files.size(); index++) {
            var file = files.get(index);
            var cursor = known.get(inode(file));
            var before = files.get(index - 1);
            if (cursor != null && Files.size(file) < cursor.offset() && !known.containsKey(inode(before))
                    && before.getFileName().toString().startsWith(file.getFileName().toString())) {
                copies.put(before, cursor.offset());
            }
        }
        for (var file : files) {
            var inode = inode(file);
            long size = Files.size(file);
            var cursor = known.get(inode);
            long from;
            if (known.isEmpty()) {
                from = -1; // first read: start at the end
            } else if (cursor != null) {
                from = size >= cursor.offset() ? cursor.offset() : 0;
            } else if (copies.containsKey(file) && size >= copies.get(file)) {
                from = copies.get(file);
            } else {
                // A file we never saw: a new current file is news from its first line; a rotated one is news only if written since the last read.
                boolean current = !LogFiles.isRotatedName(file.getFileName().toString());
                from = current || Files.getLastModifiedTime(file).toInstant().isAfter(lastRead) ? 0 : -1;
            }
            if (from < 0) {
                next.add(new LogCursors.Cursor(inode, file.toString(), size, now));
                continue;
            }
            var input = LogReader.readFrom(file, from, format, sink);
            inputs.add(input);
            next.add(new LogCursors.Cursor(inode, file.toString(), input.end(), now));
        }
        cursors.save(source, next);
        return new Outcome(inputs, known.isEmpty(), files.size());
    }

    /** The file's identity across renames: device and inode where the file system has them, else its name. */
    static String inode(Path file) throws IOException {
        try {
            return Files.getAttribute(file, "unix:dev", LinkOption.NOFOLLOW_LINKS) + ":" + Files.getAttribute(file, "unix:ino", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return file.toAbsolutePath().toString();
        }
    }
}
