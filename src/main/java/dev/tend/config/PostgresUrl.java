package dev.tend.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A PostgreSQL location, for targets and for Tend's own store: postgresql://USER@HOST:PORT/DB with
 * only the connection parameters that cannot weaken Tend's guards (no password, no options that
 * would replace its statement and lock timeouts).
 */
public record PostgresUrl(String host, int port, String database, Optional<String> user, Map<String, String> parameters) {
    public static final String HINT = "write postgresql://USER@HOST:PORT/DATABASE; put the password in password: \"${env:NAME}\"";
    private static final Set<String> ALLOWED = Set.of("sslmode", "sslrootcert", "sslcert", "sslkey", "targetServerType");

    /** The parsed location, or what is wrong with it. */
    public record Parsed(PostgresUrl url, String problem) {}

    public static Parsed parse(String text) {
        var withoutJdbc = text.startsWith("jdbc:") ? text.substring("jdbc:".length()) : text;
        var parsed = ServiceUrl.parse(withoutJdbc, Set.of("postgresql", "postgres"), 5432);
        if (parsed.problem() != null) return new Parsed(null, parsed.problem());
        var url = parsed.url();
        var parameters = new LinkedHashMap<String, String>();
        var user = url.user();
        for (var entry : url.query().entrySet()) {
            if (entry.getKey().equals("user") && user.isEmpty()) {
                user = Optional.of(entry.getValue());
            } else if (entry.getKey().equals("password")) {
                return new Parsed(null, "the URL contains a password");
            } else if (!ALLOWED.contains(entry.getKey())) {
                return new Parsed(null, "URL parameter '" + entry.getKey() + "' is not supported (allowed: "
                        + String.join(", ", ALLOWED.stream().sorted().toList()) + ")");
            } else {
                parameters.put(entry.getKey(), entry.getValue());
            }
        }
        var database = url.path().isEmpty() ? user.orElse("postgres") : url.path();
        return new Parsed(new PostgresUrl(url.host(), url.port(), database, user, parameters), null);
    }

    /** The JDBC URL without credentials (the user and password go in connection properties). */
    public String jdbcUrl() {
        var host = this.host.contains(":") ? "[" + this.host + "]" : this.host;
        var query = new StringBuilder();
        parameters.forEach((key, value) -> query.append(query.isEmpty() ? "?" : "&").append(key).append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return "jdbc:postgresql://" + host + ":" + port + "/"
                + java.net.URLEncoder.encode(database, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + query;
    }

    /** host:port/database, for output. */
    public String where() {
        return host + ":" + port + "/" + database;
    }
}
