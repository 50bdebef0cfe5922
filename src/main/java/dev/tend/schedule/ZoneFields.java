package dev.tend.schedule;

import dev.tend.config.spec.Fields;
import dev.tend.config.spec.Problems;
import java.time.DateTimeException;
import java.time.ZoneId;

/** A {@code timezone:} key that defaults to the platform's zone. */
final class ZoneFields {
    private ZoneFields() {}

    static ZoneId zone(Fields fields, String key, ZoneId fallback, Problems problems) {
        if (!fields.has(key)) return fallback;
        try {
            return ZoneId.of(fields.string(key));
        } catch (DateTimeException e) {
            problems.at(fields.nodeOf(key), fields.pathOf(key), "unknown time zone '" + fields.string(key) + "'",
                    "use an IANA name such as UTC or Europe/Berlin");
            return null;
        }
    }
}
