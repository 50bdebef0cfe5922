package dev.tend.operations.minio;

import dev.tend.action.Action;
import dev.tend.action.ActionContext;
import dev.tend.action.ActionType;
import dev.tend.action.Arguments;
import dev.tend.action.Outcome;
import dev.tend.action.TargetOperation;
import dev.tend.command.CommandSettings;
import dev.tend.storage.S3Target;
import dev.tend.command.LocalCommand;
import dev.tend.task.Impact;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code minio.info TARGET} and {@code minio.heal TARGET}: the runbooks' {@code mc admin info} and
 * {@code mc admin heal -r} on the target's bucket, through MinIO's own client when it is installed
 * (the admin API is MinIO's, signed its way). The credentials reach mc as {@code MC_HOST_tend} in its
 * environment, never on its command line; without mc the step is refused and says how to get it.
 */
public final class MinioAdminActionType implements ActionType {

    @Override
    public List<String> names() {
        return List.of("minio.info", "minio.heal");
    }

    @Override
    public String usage(String name) {
        return name + " S3-TARGET (minio: true, with an endpoint)";
    }

    @Override
    public Action parse(String name, List<String> words, Lookup lookup) {
        var arguments = Arguments.read(name, usage(name), words, Set.of(), Set.of("--timeout"));
        arguments.positional(1);
        var s3 = arguments.target(0, lookup, S3Target.class, "s3");
        if (s3.endpoint().isEmpty()) throw arguments.problem("'" + s3.name() + "' has no endpoint: it is not a MinIO server");
        return new MinioAdmin(name, s3, arguments.duration("--timeout", Duration.ofMinutes(30)));
    }

    private record MinioAdmin(String action, S3Target target, Duration timeout) implements TargetOperation {
        @Override
        public Impact impact() {
            return Impact.ONLINE;
        }

        @Override
        public void perform(ActionContext context, Outcome outcome) throws Exception {
            var mc = dev.tend.command.Executables.onPath(context.environment().apply("PATH"), "mc");
            boolean heal = action.equals("minio.heal");
            var argv = heal ? List.of("admin", "heal", "--recursive", "tend/" + target.bucket()) : List.of("admin", "info", "tend");
            outcome.object(target.bucket());
            if (mc.isEmpty()) {
                outcome.refuse("MinIO's client mc is not installed here (not on the PATH), so nothing ran: install it "
                        + "(https://min.io/docs/minio/linux/reference/minio-mc.html, one binary) and run again");
                return;
            }
            var version = LocalCommand.run(new CommandSettings(List.of(mc.get().toString(), "--version"), false, Optional.empty(), Map.of(),
                    Duration.ofSeconds(10), Set.of(0), Impact.ONLINE, Optional.empty(), 4096, Optional.empty()), context.environment());
            if (!version.output().toLowerCase(java.util.Locale.ROOT).contains("minio")) {
                outcome.refuse("the mc on the PATH (" + mc.get() + ") is not MinIO's client (\"" + version.output().lines().findFirst().orElse("").strip()
                        + "\"; Midnight Commander has the same name); put MinIO's mc first on the PATH");
                return;
            }
            outcome.step("$ mc " + String.join(" ", argv));
            if (outcome.dryRun()) {
                outcome.plan("would run mc " + String.join(" ", argv) + " against " + target.where());
                return;
            }
            var full = new java.util.ArrayList<String>();
            full.add(mc.get().toString());
            full.addAll(argv);
            var env = Map.of("MC_HOST_tend", new CommandSettings.EnvValue(alias(), null));
            var command = new CommandSettings(List.copyOf(full), false, Optional.empty(), env, timeout, Set.of(0), Impact.ONLINE,
                    Optional.of(target.name()), 256 * 1024, Optional.empty());
            var result = LocalCommand.run(command, context.environment());
            result.output().lines().filter(line -> !line.isBlank()).forEach(line -> outcome.step("> " + line));
            if (result.succeeded(Set.of(0))) {
                outcome.succeed("mc " + argv.get(1) + " " + result.summary(timeout));
            } else {
                var last = result.output().lines().filter(line -> !line.isBlank()).reduce((a, b) -> b).map(line -> ": " + line).orElse("");
                outcome.fail("mc " + argv.get(1) + " " + result.summary(timeout) + last);
            }
        }

        /** MC_HOST_tend: the endpoint with the keys in it (mc's own way to take an alias from the environment). */
        private String alias() {
            var endpoint = target.endpoint().orElseThrow();
            var keys = target.accessKey().map(access -> encode(access.reveal()) + ":" + encode(target.secretKey().orElseThrow().reveal()) + "@").orElse("");
            return endpoint.getScheme() + "://" + keys + endpoint.getHost() + (endpoint.getPort() > 0 ? ":" + endpoint.getPort() : "");
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }
}
