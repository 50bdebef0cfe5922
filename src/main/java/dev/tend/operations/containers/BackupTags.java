package dev.tend.operations.containers;

import dev.tend.action.ActionContext;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;

/** The {@code CONTAINER:backup-YYYYMMDD} images an update keeps and a rollback goes back to. */
final class BackupTags {
    static final String PREFIX = "backup-";

    private BackupTags() {}

    /** backup-YYYYMMDD of today in the platform's time zone. */
    static String today(ActionContext context) {
        return PREFIX + context.clock().instant().atZone(context.config().platform().timezone()).format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    /** The newest backup tag of {@code repository} the engine has (the names sort by their date and time). */
    static Optional<String> newest(Engine engine, String repository) throws Exception {
        return engine.images(repository).stream().filter(tag -> tag.startsWith(PREFIX)).max(Comparator.naturalOrder());
    }
}
