package dev.tend.logs;

import dev.tend.logs.mine.Template;
import dev.tend.store.Database;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/** The log_pattern table: which error templates earlier analyses of a source reported, for marking the new ones. */
public final class LogPatterns {
    static final int MAX_LENGTH = 1000;
    private final Database store;

    public LogPatterns(Database store) {
        this.store = store;
    }

    public List<String> known(String source) {
        return store.jdbi().withHandle(handle -> handle.createQuery("SELECT template FROM log_pattern WHERE source = :source")
                .bind("source", source).mapTo(String.class).list());
    }

    /** New: no template an earlier analysis reported has the same shape (same words, or a wildcard on either side). */
    public Predicate<String> isNew(String source) {
        var known = known(source);
        return template -> known.stream().noneMatch(old -> Template.sameShape(old, clip(template)));
    }

    public void remember(String source, Collection<String> templates, Instant at) {
        if (templates.isEmpty()) return;
        store.run("the log patterns of " + source, () -> store.jdbi().useTransaction(handle -> {
            var batch = handle.prepareBatch("INSERT INTO log_pattern (source, template, first_seen, last_seen) VALUES (:source, :template, :at, :at) "
                    + "ON CONFLICT (source, template) DO UPDATE SET last_seen = excluded.last_seen");
            for (var template : templates) batch.bind("source", source).bind("template", clip(template)).bind("at", at.toEpochMilli()).add();
            batch.execute();
        }));
    }

    private static String clip(String template) {
        return template.length() > MAX_LENGTH ? template.substring(0, MAX_LENGTH) : template;
    }
}
