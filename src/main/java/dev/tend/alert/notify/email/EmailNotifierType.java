package dev.tend.alert.notify.email;

import dev.tend.alert.notify.Notifier;
import dev.tend.alert.notify.NotifierType;
import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.EnumSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.NumberSpec;
import dev.tend.config.spec.Problems;
import dev.tend.config.spec.SecretSpec;
import dev.tend.config.spec.StringSpec;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** {@code type: email}: mail through an SMTP server, with STARTTLS, TLS or (for a local relay) neither. */
public final class EmailNotifierType implements NotifierType {
    private static final StringSpec ADDRESS = StringSpec.matching("[^@\\s]+@[^@\\s]+", "an address such as ops@example.com");

    @Override
    public String name() {
        return "email";
    }

    @Override
    public String summary() {
        return "mail through an SMTP server";
    }

    @Override
    public List<Field> fields() {
        return List.of(
                Field.required("host", StringSpec.any(), "the SMTP server"),
                Field.withDefault("port", NumberSpec.whole(1, 65535), "587", "its port (587 for STARTTLS, 465 for TLS, 25 for a local relay)"),
                Field.withDefault("tls", EnumSpec.of("starttls", "tls", "none"), "starttls", "starttls (required), tls (from the first byte) or none"),
                Field.required("from", ADDRESS, "the sender"),
                Field.required("to", ListSpec.nonEmpty(ADDRESS).withoutRepeats(), "the recipients"),
                Field.optional("username", StringSpec.any(), "for SMTP authentication"),
                Field.optional("password", new SecretSpec(), "for SMTP authentication, a secret: \"${env:SMTP_PASSWORD}\""),
                Field.withDefault("timeout", DurationSpec.between(Duration.ofSeconds(1), Duration.ofMinutes(2)), "10s", "connect and each read or write"));
    }

    @Override
    public Notifier bind(String name, Fields fields, Problems problems) {
        List<String> to = fields.list("to");
        if (fields.string("host") == null || fields.string("from") == null || to.isEmpty() || to.stream().anyMatch(Objects::isNull)) return null;
        if (fields.has("username") != fields.secret("password").isPresent()) {
            problems.at(fields.node(), fields.path(), "give both username and password, or neither", null);
            return null;
        }
        return new EmailNotifier(name, new EmailNotifier.Server(fields.string("host"), (int) fields.whole("port"), fields.string("tls"),
                fields.optionalString("username"), fields.secret("password"), fields.duration("timeout")), fields.string("from"), List.copyOf(to));
    }
}
