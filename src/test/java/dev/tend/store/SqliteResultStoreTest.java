package dev.tend.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.check.ResultHistory;
import dev.tend.config.StoreSettings;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteResultStoreTest extends ResultStoreContract {
    @TempDir
    Path directory;
    private int counter;

    @Override
    StoreSettings freshStore() {
        return StoreSettings.sqlite(directory.resolve("data-" + counter++).resolve("tend.db"));
    }

    @Test
    void theFileIsInWriteAheadLogMode() throws Exception {
        var settings = freshStore();
        try (var store = Stores.open(settings)) {
            new ResultHistory(store).save(java.util.List.of(result("db", "ping", dev.tend.check.Status.OK, java.time.Instant.EPOCH)));
        }
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + settings.sqliteFile());
                var rows = connection.createStatement().executeQuery("PRAGMA journal_mode")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("wal");
        }
    }
}
