package dev.tend.postgres.report;

import dev.tend.check.Measurement;
import dev.tend.check.Status;
import dev.tend.postgres.PostgresConnector;
import java.util.List;
import java.util.Optional;

/**
 * Tells Tend's own work from the application's, so that a backup's pg_dump is not reported as the
 * application's slow query. Sessions say who they are (application_name tend, tend-store; pg_dump
 * and pg_restore run with PGAPPNAME=tend). pg_stat_statements does not keep the application name,
 * so statements are known by their text: the comment Tend starts its own with, pg_dump's
 * {@code COPY ... TO stdout}, and the scratch databases of backup verification.
 */
final class OwnActivity {
    /** An SQL condition on pg_stat_statements.query. */
    static final String OWN_STATEMENT = "(query ~ '^\\s*" + PostgresConnector.MARK.strip().replace("*", "\\*") + "'"
            + " OR query ~ '^COPY .+ TO stdout;?$'"
            + " OR query ~ '^(CREATE|DROP) DATABASE (IF EXISTS )?\"?" + PostgresConnector.APPLICATION_NAME + "_')";

    private OwnActivity() {}

    static boolean isOwnSession(String applicationName) {
        return applicationName != null && applicationName.startsWith(PostgresConnector.APPLICATION_NAME);
    }

    /** A note saying how many findings about Tend's own work were left out, when there were any. */
    static Optional<Finding> leftOut(String object, long count, String what) {
        if (count == 0) return Optional.empty();
        return Optional.of(new Finding("own_activity", object, Status.OK,
                count + " " + (count == 1 ? "finding" : "findings") + " left out, about " + what,
                "the report is about the application's load; Tend's backups, tasks and checks would read as its slow work",
                "tend pg report --include-own (or report: {includeOwn: true}) lists them",
                List.of(new Measurement("left_out", count, "count"))));
    }
}
