package dev.tend.report;

import java.time.Instant;
import java.util.Optional;

/** A report as kept: what it said (markdown), its figures (JSON), and who signed it, if anyone has. */
public record StoredReport(long id, String kind, String name, String period, Instant createdAt, String markdown, String data,
        Optional<Signature> signature) {

    /** A person in the responsible role approved the report, with a comment. */
    public record Signature(String person, String role, String comment, Instant at) {}
}
