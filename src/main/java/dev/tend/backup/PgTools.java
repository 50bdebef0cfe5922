package dev.tend.backup;

import dev.tend.check.Failures;
import dev.tend.postgres.PostgresConnector;
import dev.tend.postgres.PostgresTarget;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** pg_dump and pg_restore: found, their versions known, and run with a target's connection settings. */
record PgTools(Path pgDump, Path pgRestore, String version) {
    private static final Pattern VERSION = Pattern.compile("\\)\\s+(\\d+)(?:\\.(\\d+))?");

    /** Looks in binDirectory when set, else on the PATH; a clear error when either tool is missing. */
    static PgTools find(Optional<Path> binDirectory, String searchPath) {
        var dump = locate("pg_dump", binDirectory, searchPath);
        var restore = locate("pg_restore", binDirectory, searchPath);
        return new PgTools(dump, restore, versionOf(dump));
    }

    int major() {
        var dot = version.indexOf('.');
        return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
    }

    /** pg_dump cannot dump a newer server; say so before starting rather than after a failed run. */
    void requireAtLeast(int serverMajor, String serverVersion) {
        if (major() < serverMajor) {
            throw new BackupException("pg_dump " + version + " (" + pgDump + ") is older than the server (" + serverVersion
                    + "); install the PostgreSQL " + serverMajor + " client tools or set binDirectory to them");
        }
    }

    /** Connection settings through libpq's environment: the password never appears on a command line. */
    static Map<String, String> environment(PostgresTarget target, String database) {
        var environment = new LinkedHashMap<String, String>();
        var url = target.url();
        environment.put("PGHOST", url.host());
        environment.put("PGPORT", String.valueOf(url.port()));
        environment.put("PGUSER", target.user());
        environment.put("PGDATABASE", database);
        environment.put("PGAPPNAME", PostgresConnector.APPLICATION_NAME); // how the report tells its sessions apart
        environment.put("PGCONNECT_TIMEOUT", "30"); // reaching the server is quick or it is down; the work has its own limit
        target.password().ifPresent(secret -> environment.put("PGPASSWORD", secret.reveal()));
        var parameters = Map.of("sslmode", "PGSSLMODE", "sslrootcert", "PGSSLROOTCERT", "sslcert", "PGSSLCERT", "sslkey", "PGSSLKEY");
        parameters.forEach((parameter, variable) -> {
            var value = url.parameters().get(parameter);
            if (value != null) environment.put(variable, value);
        });
        return environment;
    }

    /** An executable of that name in one of the PATH's directories. */
    static Optional<Path> onPath(String tool, String searchPath) {
        for (var directory : (searchPath == null ? "" : searchPath).split(File.pathSeparator)) {
            if (directory.isBlank()) continue;
            var candidate = Path.of(directory, tool);
            if (Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    private static Path locate(String tool, Optional<Path> binDirectory, String searchPath) {
        if (binDirectory.isPresent()) {
            var candidate = binDirectory.get().resolve(tool);
            if (Files.isExecutable(candidate)) return candidate;
            throw new BackupException(tool + " not found in binDirectory " + binDirectory.get());
        }
        return onPath(tool, searchPath).orElseThrow(() -> new BackupException(tool + " not found on the PATH; install the PostgreSQL client tools "
                + "(Debian: apt-get install postgresql-client) or set binDirectory"));
    }

    private static String versionOf(Path tool) {
        try (var process = ToolProcess.start(List.of(tool.toString(), "--version"), Map.of(), false, Duration.ofSeconds(20))) {
            var output = new String(process.stdout().readAllBytes(), StandardCharsets.UTF_8);
            process.awaitSuccess();
            var matcher = VERSION.matcher(output);
            if (!matcher.find()) throw new BackupException(tool + " --version printed no version: " + output.strip());
            return matcher.group(1) + (matcher.group(2) == null ? "" : "." + matcher.group(2));
        } catch (java.io.IOException e) {
            throw new BackupException("cannot run " + tool + " --version: " + Failures.describe(e), e);
        }
    }
}
