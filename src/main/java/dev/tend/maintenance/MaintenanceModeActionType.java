package dev.tend.maintenance;

import dev.tend.action.Action;
import dev.tend.action.ActionContext;
import dev.tend.action.ActionType;
import dev.tend.action.Arguments;
import dev.tend.action.Operation;
import dev.tend.action.Outcome;
import dev.tend.task.Impact;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code maintenance-mode --on|--off}: the runbooks' "enable maintenance mode if available". On is
 * disruptive (users get the maintenance page); off is online, and a run that turned it on turns it
 * off again when it ends, however it ends ({@link Action#atEnd}).
 */
public final class MaintenanceModeActionType implements ActionType {
    private static final String NAME = "maintenance-mode";

    @Override
    public List<String> names() {
        return List.of(NAME);
    }

    @Override
    public String usage(String name) {
        return NAME + " --on|--off";
    }

    @Override
    public Action parse(String name, List<String> words, Lookup lookup) {
        var arguments = Arguments.read(NAME, usage(name), words, Set.of("--on", "--off"), Set.of());
        arguments.positional(0);
        if (arguments.flag("--on") == arguments.flag("--off")) throw arguments.problem("give --on or --off");
        return new Switch(arguments.flag("--on"));
    }

    /** Turns maintenance mode on or off; idempotent (turning off what is off succeeds). */
    record Switch(boolean on) implements Operation {
        @Override
        public String describe() {
            return NAME + (on ? " --on" : " --off");
        }

        @Override
        public Impact impact() {
            return on ? Impact.DISRUPTIVE : Impact.ONLINE;
        }

        @Override
        public List<String> targets() {
            return List.of();
        }

        @Override
        public Optional<Action> atEnd() {
            return on ? Optional.of(new Switch(false)) : Optional.empty();
        }

        @Override
        public void perform(ActionContext context, Outcome outcome) throws Exception {
            var settings = MaintenanceModeSection.of(context.config()).orElse(null);
            if (settings == null) {
                outcome.refuse("no maintenanceMode: in tend.yaml, so there is no maintenance mode to switch (add {file: /etc/nginx/maintenance.on})");
                return;
            }
            if (settings.file().isPresent()) {
                var flag = settings.file().get();
                boolean was = Files.exists(flag);
                outcome.object(flag.toString()).before(new dev.tend.check.Measurement("on", was ? 1 : 0, ""));
                outcome.step((on ? "create " : "remove ") + flag);
                if (outcome.dryRun()) {
                    outcome.plan("would turn maintenance mode " + (on ? "on" : "off") + " (now " + (was ? "on" : "off") + ")");
                    return;
                }
                if (on) {
                    // Written then moved into place: nginx never sees a half-made flag (it only tests existence, but a page may read it).
                    var temporary = flag.resolveSibling("." + flag.getFileName() + ".tend");
                    Files.writeString(temporary, "maintenance since " + context.clock().instant() + "\n");
                    Files.move(temporary, flag, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.deleteIfExists(flag);
                }
                outcome.after(new dev.tend.check.Measurement("on", Files.exists(flag) ? 1 : 0, ""));
                outcome.succeed("maintenance mode " + (on ? "on" : "off") + (was == on ? " (it already was)" : "") + ": " + flag
                        + (on ? " exists" : " removed"));
                return;
            }
            var url = settings.url().orElseThrow();
            outcome.object(url.getHost()).step(settings.method() + " " + url + " {\"maintenance\": " + on + "}");
            if (outcome.dryRun()) {
                outcome.plan("would turn maintenance mode " + (on ? "on" : "off") + " through " + url.getHost());
                return;
            }
            var request = HttpRequest.newBuilder(url).timeout(settings.timeout()).header("Content-Type", "application/json")
                    .method(settings.method(), HttpRequest.BodyPublishers.ofString("{\"maintenance\": " + on + "}"));
            settings.token().ifPresent(token -> request.header("Authorization", "Bearer " + token.reveal()));
            try (var http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build()) {
                var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    var body = response.body().strip();
                    outcome.fail(url.getHost() + " answered HTTP " + response.statusCode() + (body.isEmpty() ? "" : ": " + body.lines().findFirst().orElse("")));
                    return;
                }
                outcome.succeed("maintenance mode " + (on ? "on" : "off") + " (HTTP " + response.statusCode() + " from " + url.getHost() + ")");
            }
        }
    }
}
