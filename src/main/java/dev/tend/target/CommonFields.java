package dev.tend.target;

import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.NumberSpec;
import dev.tend.config.spec.StringSpec;
import java.time.Duration;
import java.util.List;

/** The keys every target accepts, and how they become {@link TargetSettings}. */
public final class CommonFields {
    public static final StringSpec NAME = StringSpec.matching("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}",
            "use letters, digits, '.', '_' or '-', starting with a letter or digit");

    private CommonFields() {}

    public static List<Field> fields() {
        return List.of(
                Field.required("name", NAME, "a unique name for this target, used in output and references"),
                Field.required("type", StringSpec.any(), "the kind of target"),
                Field.optional("description", StringSpec.any(), "what this component is, for people"),
                Field.withDefault("timeout", DurationSpec.between(Duration.ofMillis(100), Duration.ofMinutes(10)), "5s",
                        "bound on each connect, read and whole check"),
                Field.withDefault("concurrency", NumberSpec.whole(1, 64), "2",
                        "how many checks may probe this target at the same time"),
                Field.withDefault("dependsOn", ListSpec.of(NAME).withoutRepeats(), "[]",
                        "targets this one needs; a failure of theirs is named in this target's results"));
    }

    public static TargetSettings settings(Fields fields) {
        return new TargetSettings(fields.string("name"), fields.string("type"), fields.string("description"),
                fields.duration("timeout"), (int) fields.whole("concurrency"), fields.list("dependsOn"));
    }
}
