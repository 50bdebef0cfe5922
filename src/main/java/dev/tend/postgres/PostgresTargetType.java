package dev.tend.postgres;

import dev.tend.check.ThresholdSpec;
import dev.tend.check.Thresholds;
import dev.tend.config.PostgresUrl;
import dev.tend.config.spec.Field;
import dev.tend.postgres.report.ReportSettings;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.PathSpec;
import dev.tend.config.spec.SecretSpec;
import dev.tend.config.spec.SizeSpec;
import dev.tend.config.spec.StringSpec;
import dev.tend.target.Target;
import dev.tend.target.TargetBinding;
import dev.tend.target.TargetType;
import java.util.List;
import java.util.Optional;

/** {@code type: postgres}: reachability, connection headroom and database size. */
public final class PostgresTargetType implements TargetType {

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String summary() {
        return "a PostgreSQL database: connect + SELECT 1, connections vs max_connections, database size";
    }

    @Override
    public List<Field> fields() {
        return List.of(
                Field.required("url", StringSpec.any(), "postgresql://USER@HOST:PORT/DATABASE (no password here)"),
                Field.optional("password", new SecretSpec(), "the user's password, e.g. \"${env:PGPASSWORD}\""),
                ThresholdSpec.percent("connections", 80, 90, "connections in use, as % of max_connections"),
                Field.optional("size", ObjectSpec.of("database size levels",
                        Field.required("warn", new SizeSpec(), "size at which the check warns, e.g. 50GB"),
                        Field.required("crit", new SizeSpec(), "size at which the check is critical")),
                        "database size levels; without them size is only measured"),
                Field.optional("dataDirectory", new PathSpec(true),
                        "the server's data directory as seen from where Tend runs; lets pg.reindex check free disk first"),
                ReportSettings.field());
    }

    @Override
    public Target bind(TargetBinding binding) {
        var fields = binding.fields();
        var parsed = PostgresUrl.parse(fields.string("url"));
        if (parsed.problem() != null) {
            binding.problem("url", parsed.problem(), PostgresUrl.HINT);
            return null;
        }
        var url = parsed.url();
        var size = fields.has("size")
                ? Optional.of(ThresholdSpec.read(fields, "size", true, binding.problems()))
                : Optional.<Thresholds>empty();
        return new PostgresTarget(binding.settings(), url, url.user().orElse("postgres"), fields.secret("password"),
                ThresholdSpec.read(fields, "connections", true, binding.problems()), size,
                fields.object("report").bool("check"), ReportSettings.policy(fields.object("report")),
                Optional.ofNullable(fields.<java.nio.file.Path>value("dataDirectory")));
    }
}
