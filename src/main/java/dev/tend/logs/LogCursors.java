package dev.tend.logs;

import dev.tend.store.Database;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The log_cursor table: per source, how far each file (by inode) has been read, and when. */
public final class LogCursors {
    private final Database store;

    public LogCursors(Database store) {
        this.store = store;
    }

    public record Cursor(String inode, String path, long offset, Instant readAt) {}

    public Map<String, Cursor> of(String source) {
        var cursors = new LinkedHashMap<String, Cursor>();
        store.jdbi().useHandle(handle -> handle.createQuery("SELECT inode, path, byte_offset, read_at FROM log_cursor WHERE source = :source")
                .bind("source", source)
                .map((row, context) -> new Cursor(row.getString(1), row.getString(2), row.getLong(3), Instant.ofEpochMilli(row.getLong(4))))
                .forEach(cursor -> cursors.put(cursor.inode(), cursor)));
        return cursors;
    }

    /** Replaces the source's cursors: files no longer there are forgotten. */
    public void save(String source, Collection<Cursor> cursors) {
        store.run("the read position of log source " + source, () -> store.jdbi().useTransaction(handle -> {
            handle.createUpdate("DELETE FROM log_cursor WHERE source = :source").bind("source", source).execute();
            var batch = handle.prepareBatch("INSERT INTO log_cursor (source, inode, path, byte_offset, read_at) VALUES (:source, :inode, :path, :offset, :at)");
            for (var cursor : cursors) {
                batch.bind("source", source).bind("inode", cursor.inode()).bind("path", cursor.path()).bind("offset", cursor.offset())
                        .bind("at", cursor.readAt().toEpochMilli()).add();
            }
            if (!cursors.isEmpty()) batch.execute();
        }));
    }
}
