package dev.tend.cli;

import dev.tend.access.Role;
import dev.tend.access.WebUsers;
import dev.tend.people.PeopleSection;
import dev.tend.store.Stores;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tend user passwd|list|remove}: who may log in to the web UI, with which role. */
@Command(name = "user", footerHeading = "%nExamples:%n",
        footer = {"  tend user passwd alice --role admin", "  tend user passwd bob --password-stdin < pw.txt",
                "  tend user list", "  tend user remove bob"},
        description = "People who may log in to tend serve's web UI: a password (bcrypt) and a role (viewer, operator, admin).",
        subcommands = {UserCommand.Passwd.class, UserCommand.ListUsers.class, UserCommand.Remove.class})
final class UserCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "passwd", footerHeading = "%nExamples:%n", footer = {"  tend user passwd alice --role admin"},
            description = "Set a person's password (asked twice at a terminal, or one line on stdin with --password-stdin) and role. "
                    + "The person must be under people: in tend.yaml.")
    static final class Passwd extends TokenCommand.Base {
        @Parameters(index = "0", paramLabel = "NAME", description = "a name under people:")
        String name;

        @Option(names = "--role", paramLabel = "ROLE", description = "viewer, operator or admin (default: operator, or the role the user has)")
        String role;

        @Option(names = "--password-stdin", description = "read the password from the first line of stdin (for scripts)")
        boolean stdin;

        Passwd(Main.Environment environment) {
            super(environment);
        }

        @Override
        public Integer call() throws Exception {
            var config = config();
            var person = PeopleSection.named(config, name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "no person named '" + name + "' under people: (add them to tend.yaml first)"));
            var parsed = role == null ? null : Role.parse(role).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--role '" + role + "': use viewer, operator or admin"));
            var password = password();
            var actor = AlertCommand.actorOf(config, as, environment, spec);
            try (var store = Stores.open(config.store())) {
                var users = new WebUsers(store);
                var chosen = parsed != null ? parsed : users.find(person.name()).map(WebUsers.User::role).orElse(Role.OPERATOR);
                try {
                    users.setPassword(person.name(), chosen, password, environment.clock().instant());
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), e.getMessage());
                } finally {
                    java.util.Arrays.fill(password, '\0');
                }
                audit(store, actor, "user.passwd", person.name() + " (" + chosen.label() + ")");
                spec.commandLine().getOut().println("password of " + person.name() + " set; role " + chosen.label());
                spec.commandLine().getOut().flush();
                return 0;
            }
        }

        private char[] password() throws java.io.IOException {
            if (stdin) {
                var line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null) throw new ParameterException(spec.commandLine(), "--password-stdin: stdin was empty");
                return line.toCharArray();
            }
            var console = System.console();
            if (console == null) throw new ParameterException(spec.commandLine(), "no terminal to ask for the password: use --password-stdin");
            var first = console.readPassword("New password for %s: ", name);
            var second = console.readPassword("Again: ");
            if (first == null || second == null || !java.util.Arrays.equals(first, second)) {
                throw new ParameterException(spec.commandLine(), "the two passwords differ; nothing was changed");
            }
            return first;
        }
    }

    @Command(name = "list", footerHeading = "%nExamples:%n", footer = {"  tend user list"},
            description = "Who may log in, with their role and when the password was last set (never the password).")
    static final class ListUsers extends TokenCommand.Base {
        ListUsers(Main.Environment environment) {
            super(environment);
        }

        @Override
        public Integer call() throws Exception {
            var config = config();
            try (var store = Stores.open(config.store())) {
                var users = new WebUsers(store).list();
                var out = spec.commandLine().getOut();
                if (users.isEmpty()) out.println("nobody may log in yet (tend user passwd NAME --role admin)");
                for (var user : users) out.printf("%-24s %-9s password set %s%n", user.name(), user.role().label(), TokenCommand.minute(user.updatedAt()));
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "remove", footerHeading = "%nExamples:%n", footer = {"  tend user remove bob"},
            description = "Remove a person's login; their sessions end at once.")
    static final class Remove extends TokenCommand.Base {
        @Parameters(index = "0", paramLabel = "NAME", description = "the user's name (tend user list)")
        String name;

        Remove(Main.Environment environment) {
            super(environment);
        }

        @Override
        public Integer call() throws Exception {
            var config = config();
            var actor = AlertCommand.actorOf(config, as, environment, spec);
            try (var store = Stores.open(config.store())) {
                if (!new WebUsers(store).remove(name)) throw new ParameterException(spec.commandLine(), "no user named '" + name + "' (tend user list)");
                audit(store, actor, "user.remove", name);
                spec.commandLine().getOut().println("login of " + name + " removed; their sessions have ended");
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }
}
