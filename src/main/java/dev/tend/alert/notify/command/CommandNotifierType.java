package dev.tend.alert.notify.command;

import dev.tend.alert.notify.Notifier;
import dev.tend.alert.notify.NotifierType;
import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.Problems;
import dev.tend.config.spec.StringSpec;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** {@code type: command}: runs a program with the notification as JSON on stdin (SMS gateways, paging scripts, anything else). */
public final class CommandNotifierType implements NotifierType {

    @Override
    public String name() {
        return "command";
    }

    @Override
    public String summary() {
        return "a program that receives each notification as JSON on its standard input";
    }

    @Override
    public List<Field> fields() {
        return List.of(
                Field.required("argv", ListSpec.nonEmpty(StringSpec.any()), "the program and its arguments, run without a shell"),
                Field.withDefault("timeout", DurationSpec.between(Duration.ofSeconds(1), Duration.ofMinutes(10)), "30s",
                        "how long it may run; then it is killed and tried again later"));
    }

    @Override
    public Notifier bind(String name, Fields fields, Problems problems) {
        List<String> argv = fields.list("argv");
        if (argv.isEmpty() || argv.stream().anyMatch(Objects::isNull)) return null;
        return new CommandNotifier(name, List.copyOf(argv), fields.duration("timeout"));
    }
}
