package dev.tend.alert.notify;

import dev.tend.config.spec.Field;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.Problems;
import java.util.List;

/** One kind of notifier: its name under {@code type:}, its keys, and how a configured entry becomes a {@link Notifier}. */
public interface NotifierType {
    String name();

    String summary();

    List<Field> fields();

    /** The notifier, or null after reporting what is wrong with the entry. */
    Notifier bind(String name, Fields fields, Problems problems);

    /**
     * The same, for a type whose keys name things of other sections ({@code windows} is bound
     * before {@code notifiers}); {@code names} gives the names a section defines.
     */
    default Notifier bind(String name, Fields fields, Problems problems, java.util.function.Function<String, java.util.Set<String>> names) {
        return bind(name, fields, problems);
    }
}
