package dev.tend.cli;

import dev.tend.access.ApiTokens;
import dev.tend.access.AuditLog;
import dev.tend.access.Role;
import dev.tend.store.Stores;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tend token create|list|revoke}: API tokens for scripts and Prometheus, sent as {@code Authorization: Bearer TOKEN}. */
@Command(name = "token", footerHeading = "%nExamples:%n",
        footer = {"  tend token create --name prometheus --role viewer", "  tend token list", "  tend token revoke prometheus"},
        description = "API tokens for tend serve's HTTP API and /metrics (sent as Authorization: Bearer TOKEN).",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What the subcommands share: the config, the store, the acting person, the audit entry. */
    abstract static class Base implements Callable<Integer> {
        final Main.Environment environment;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--as", paramLabel = "PERSON", description = "who does it, for the audit log (a name under people:; default: your login name)")
        String as;

        Base(Main.Environment environment) {
            this.environment = environment;
        }

        dev.tend.config.TendConfig config() throws Exception {
            return ((TendCommand) spec.parent().parent().userObject()).loadConfig();
        }

        void audit(dev.tend.store.Database store, String actor, String action, String detail) {
            new AuditLog(store).record(new AuditLog.Entry(environment.clock().instant(), actor, action, detail, AuditSource.cli(environment)));
        }
    }

    @Command(name = "create", footerHeading = "%nExamples:%n", footer = {"  tend token create --name prometheus --role viewer"},
            description = "Create a token; it is printed alone on the last line, this once: only its hash is kept.")
    static final class Create extends Base {
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "what it is for (letters, digits, . _ -)")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer (read), operator (acknowledge, sign, run) or admin (tokens)")
        String role;

        Create(Main.Environment environment) {
            super(environment);
        }

        @Override
        public Integer call() throws Exception {
            var parsed = Role.parse(role).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--role '" + role + "': use viewer, operator or admin"));
            var config = config();
            var actor = AlertCommand.actorOf(config, as, environment, spec);
            try (var store = Stores.open(config.store())) {
                var created = new ApiTokens(store).create(name, parsed, actor, environment.clock().instant());
                audit(store, actor, "token.create", "token " + name + " (" + parsed.label() + ")");
                var out = spec.commandLine().getOut();
                out.println("token " + name + " (" + parsed.label() + ") created; it is shown this once, keep it in your secret store:");
                out.println(created.value());
                out.flush();
                return 0;
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
    }

    @Command(name = "list", footerHeading = "%nExamples:%n", footer = {"  tend token list", "  tend token list --json"},
            description = "Every token: name, role, who created it, last use, revoked or not (never the token itself).")
    static final class ListTokens extends Base {
        @Option(names = "--json", description = "as JSON")
        boolean json;

        ListTokens(Main.Environment environment) {
            super(environment);
        }

        @Override
        public Integer call() throws Exception {
            var config = config();
            try (var store = Stores.open(config.store())) {
                var tokens = new ApiTokens(store).list();
                var out = spec.commandLine().getOut();
                if (json) {
                    var array = new java.util.ArrayList<java.util.Map<String, Object>>();
                    for (var token : tokens) {
                        var row = new java.util.LinkedHashMap<String, Object>();
                        row.put("name", token.name());
                        row.put("role", token.role().label());
                        row.put("createdAt", token.createdAt().toString());
                        row.put("createdBy", token.createdBy());
                        row.put("lastUsedAt", token.lastUsedAt().map(Object::toString).orElse(null));
                        row.put("revokedAt", token.revokedAt().map(Object::toString).orElse(null));
                        array.add(row);
                    }
                    out.println(tools.jackson.databind.json.JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(array));
                } else if (tokens.isEmpty()) {
                    out.println("no tokens (tend token create --name NAME --role viewer|operator|admin)");
                } else {
                    out.printf("%-24s %-9s %-20s %-12s %-20s %s%n", "NAME", "ROLE", "CREATED", "BY", "LAST USED", "STATE");
                    for (var token : tokens) {
                        out.printf("%-24s %-9s %-20s %-12s %-20s %s%n", token.name(), token.role().label(), minute(token.createdAt()), token.createdBy(),
                                token.lastUsedAt().map(TokenCommand::minute).orElse("never"),
                                token.revokedAt().map(at -> "revoked " + minute(at)).orElse("active"));
                    }
                }
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "revoke", footerHeading = "%nExamples:%n", footer = {"  tend token revoke prometheus"},
            description = "Revoke a token: its next request is refused (401).")
    static final class Revoke extends Base {
        @Parameters(index = "0", paramLabel = "NAME", description = "the token's name (see tend token list)")
        String name;

        Revoke(Main.Environment environment) {
            super(environment);
        }

        @Override
        public Integer call() throws Exception {
            var config = config();
            var actor = AlertCommand.actorOf(config, as, environment, spec);
            try (var store = Stores.open(config.store())) {
                var tokens = new ApiTokens(store);
                var token = tokens.find(name).orElseThrow(() -> new ParameterException(spec.commandLine(), "no token named '" + name + "' (see tend token list)"));
                var out = spec.commandLine().getOut();
                if (!tokens.revoke(name, environment.clock().instant())) {
                    out.println("token " + name + " was already revoked at " + token.revokedAt().map(Object::toString).orElse("?"));
                } else {
                    audit(store, actor, "token.revoke", "token " + name + " (" + token.role().label() + ")");
                    out.println("token " + name + " revoked");
                }
                out.flush();
                return 0;
            }
        }
    }

    static String minute(java.time.Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
    }
}
