package dev.tend.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The {@code --from ISO-INSTANT} option of listings that look ahead: given, or now. */
final class StartInstant {
    private StartInstant() {}

    static Instant parse(String from, Clock clock, CommandSpec spec) {
        if (from == null) return clock.instant();
        try {
            return Instant.parse(from);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--from: '" + from + "' is not an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }
}
