package dev.tend.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.config.StoreSettings;
import dev.tend.logs.format.PlainFormat;
import dev.tend.store.Database;
import dev.tend.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading on from where the last read stopped, by inode: across a rename, across a copytruncate, never a line twice. */
class FollowedReadTest {
    @TempDir
    Path directory;
    private Database store;
    private Path log;

    @BeforeEach
    void open() {
        store = Stores.open(StoreSettings.sqlite(directory.resolve("tend.db")));
        log = directory.resolve("app.log");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theFirstReadStartsAtTheEndThenEachReadGetsOnlyTheNewCompleteLines() throws Exception {
        append(log, 0, 5);
        assertThat(read()).as("the first read counts nothing").isEmpty();
        append(log, 5, 8);
        Files.writeString(log, "2026-11-30 12:00:00 INFO line 8", StandardOpenOption.APPEND); // still being written
        assertThat(read()).containsExactly(5, 6, 7);
        Files.writeString(log, " and the rest\n", StandardOpenOption.APPEND);
        assertThat(read()).containsExactly(8);
        assertThat(read()).isEmpty();
    }

    @Test
    void aRenameRotationIsFollowedAndNothingIsReadTwice() throws Exception {
        append(log, 0, 3);
        read();
        append(log, 3, 6);
        Files.move(log, directory.resolve("app.log.1"));
        append(log, 6, 9);
        assertThat(read()).containsExactly(3, 4, 5, 6, 7, 8);
        append(log, 9, 10);
        assertThat(read()).containsExactly(9);
    }

    @Test
    void aCopytruncateIsReadOnFromTheCopyThenTheTruncatedFile() throws Exception {
        append(log, 100, 110);
        read();
        append(log, 110, 120);
        Files.copy(log, directory.resolve("app.log.1"));
        Files.writeString(log, "");
        append(log, 120, 125);
        assertThat(read()).containsExactly(IntStream.range(110, 125).boxed().toArray(Integer[]::new));
    }

    @Test
    void anOldArchiveThatAppearsIsNotReadAsNews() throws Exception {
        append(log, 0, 2);
        read();
        var archive = directory.resolve("app.log.5");
        append(archive, 900, 905);
        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        append(log, 2, 3);
        assertThat(read()).containsExactly(2);
    }

    private List<Integer> read() throws Exception {
        var numbers = new ArrayList<Integer>();
        FollowedRead.read("app", List.of(log.toString()), new PlainFormat(ZoneOffset.UTC), new LogReader.Sink() {
            @Override
            public void event(Path file, LogEvent event) {
                numbers.add(Integer.parseInt(event.message().replaceAll("^line (\\d+).*", "$1")));
            }

            @Override
            public void unmatched(Path file, long line, String text) {
                throw new AssertionError("unmatched " + text);
            }
        }, new LogCursors(store), Instant.now());
        return numbers;
    }

    private static void append(Path file, int from, int to) throws Exception {
        var text = new StringBuilder();
        for (int number = from; number < to; number++) text.append("2026-11-30 12:00:00 INFO line ").append(number).append('\n');
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
