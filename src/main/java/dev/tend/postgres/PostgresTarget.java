package dev.tend.postgres;

import dev.tend.check.Check;
import dev.tend.check.Thresholds;
import dev.tend.config.PostgresUrl;
import dev.tend.config.Secret;
import dev.tend.postgres.report.ReportPolicy;
import dev.tend.target.Target;
import dev.tend.target.TargetSettings;
import dev.tend.check.CheckContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A PostgreSQL database reached over JDBC. */
public record PostgresTarget(
        TargetSettings settings,
        PostgresUrl url,
        String user,
        Optional<Secret> password,
        Thresholds connections,
        Optional<Thresholds> sizeBytes,
        boolean reportAsCheck,
        ReportPolicy reportPolicy,
        Optional<java.nio.file.Path> dataDirectory) implements Target {

    @Override
    public List<Check> checks(CheckContext context) {
        var checks = new ArrayList<Check>();
        checks.add(new PostgresPingCheck(this));
        checks.add(new PostgresConnectionsCheck(this));
        checks.add(new PostgresSizeCheck(this));
        if (reportAsCheck) checks.add(new PostgresReportCheck(this));
        return checks;
    }

    /** Where this target points, without credentials: safe for output. */
    public String where() {
        return url.where();
    }

    /** The same server, user and password, another database (a scratch copy, a restore target). */
    public PostgresTarget onDatabase(String database) {
        var other = new PostgresUrl(url.host(), url.port(), database, url.user(), url.parameters());
        return new PostgresTarget(settings, other, user, password, connections, sizeBytes, reportAsCheck, reportPolicy, dataDirectory);
    }

    public String database() {
        return url.database();
    }
}
