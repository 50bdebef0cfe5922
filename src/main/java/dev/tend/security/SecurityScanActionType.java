package dev.tend.security;

import dev.tend.action.Action;
import dev.tend.action.ActionContext;
import dev.tend.action.ActionType;
import dev.tend.action.Arguments;
import dev.tend.action.Outcome;
import dev.tend.action.TargetOperation;
import dev.tend.check.Measurement;
import dev.tend.command.CommandSettings;
import dev.tend.command.LocalCommand;
import dev.tend.docker.DockerEngineClient;
import dev.tend.docker.DockerTarget;
import dev.tend.task.Impact;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code security.scan DOCKER-TARGET [--fail-on HIGH] [--timeout 10m]}: the weekly "run security
 * scan" — Trivy ({@code trivy image --format json}) on every image a running container uses. The
 * findings, by severity with the versions that fix them, are the outcome; findings at or above
 * --fail-on (default CRITICAL) fail it, so a schedule running it alerts. Without Trivy on the PATH
 * it refuses and says how to get it: no scan is reported that did not happen.
 */
public final class SecurityScanActionType implements ActionType {
    private static final String NAME = "security.scan";
    private static final int SHOWN = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public List<String> names() {
        return List.of(NAME);
    }

    @Override
    public String usage(String name) {
        return NAME + " DOCKER-TARGET [--fail-on CRITICAL|HIGH|MEDIUM|LOW] [--timeout 10m]";
    }

    @Override
    public Action parse(String name, List<String> words, Lookup lookup) {
        var arguments = Arguments.read(NAME, usage(name), words, Set.of(), Set.of("--fail-on", "--timeout"));
        arguments.positional(1);
        var docker = arguments.target(0, lookup, DockerTarget.class, "docker");
        var failOn = arguments.option("--fail-on").orElse("CRITICAL").toUpperCase(Locale.ROOT);
        if (!TrivyReport.SEVERITIES.contains(failOn) || failOn.equals("UNKNOWN")) throw arguments.problem("--fail-on takes CRITICAL, HIGH, MEDIUM or LOW");
        return new Scan(docker, failOn, arguments.duration("--timeout", Duration.ofMinutes(10)));
    }

    private record Scan(DockerTarget target, String failOn, Duration timeout) implements TargetOperation {
        @Override
        public String action() {
            return NAME;
        }

        @Override
        public String options() {
            return failOn.equals("CRITICAL") ? "" : " --fail-on " + failOn;
        }

        @Override
        public Impact impact() {
            return Impact.ONLINE;
        }

        @Override
        public void perform(ActionContext context, Outcome outcome) throws Exception {
            var trivy = dev.tend.command.Executables.onPath(context.environment().apply("PATH"), "trivy");
            var unreachable = DockerTarget.socketProblem(target.socket());
            if (unreachable.isPresent()) {
                outcome.fail(unreachable.get());
                return;
            }
            var images = imagesInUse();
            outcome.object(images.size() + " image(s)");
            if (trivy.isEmpty()) {
                outcome.refuse("Trivy is not installed on this machine (not on the PATH), so no scan ran: install it "
                        + "(https://aquasecurity.github.io/trivy, one binary) and run again; the security scan item stays open");
                return;
            }
            if (outcome.dryRun()) {
                images.forEach(image -> outcome.step("trivy image --format json " + image));
                outcome.plan("would scan " + images.size() + " image(s) with " + trivy.get());
                return;
            }
            var totals = new java.util.LinkedHashMap<String, Long>();
            TrivyReport.SEVERITIES.forEach(severity -> totals.put(severity, 0L));
            var failing = new ArrayList<String>();
            for (var image : images) {
                var report = scan(trivy.get(), image, context);
                if (report.isEmpty()) {
                    outcome.fail("trivy could not scan " + image + " (its output above says why)");
                    return;
                }
                var counts = report.get().counts();
                counts.forEach((severity, count) -> totals.merge(severity, count, Long::sum));
                outcome.step(image + ": " + describe(counts));
                report.get().findings().stream().filter(finding -> TrivyReport.rank(finding.severity()) <= TrivyReport.rank("HIGH")).limit(SHOWN)
                        .forEach(finding -> outcome.step("  " + finding.line()));
                report.get().findings().stream().filter(finding -> TrivyReport.rank(finding.severity()) <= TrivyReport.rank(failOn))
                        .forEach(finding -> failing.add(finding.id()));
            }
            totals.forEach((severity, count) -> outcome.after(new Measurement(severity.toLowerCase(Locale.ROOT), count, "findings")));
            var summary = images.size() + " image(s): " + describe(totals);
            if (failing.isEmpty()) outcome.succeed(summary + "; none at or above " + failOn);
            else outcome.fail(summary + "; " + new TreeSet<>(failing).size() + " distinct at or above " + failOn + " to fix");
        }

        private Optional<TrivyReport> scan(Path trivy, String image, ActionContext context) throws Exception {
            var command = new CommandSettings(List.of(trivy.toString(), "image", "--format", "json", "--quiet", image), false, Optional.empty(), Map.of(),
                    timeout, Set.of(0), Impact.ONLINE, Optional.of(target.name()), 64L * 1024 * 1024, Optional.empty());
            var result = LocalCommand.run(command, context.environment());
            var output = result.output();
            int start = output.indexOf('{');
            if (!result.succeeded(Set.of(0)) || start < 0) return Optional.empty();
            return Optional.of(TrivyReport.read(image, JSON.readTree(output.substring(start))));
        }

        /** The images running containers use, by the name they were started with. */
        private List<String> imagesInUse() throws Exception {
            try (var client = new DockerEngineClient(target.socket())) {
                var answer = client.get("/containers/json", target.settings().timeout());
                if (answer.status() != 200 || answer.body() == null) throw new IllegalStateException("the engine answered HTTP " + answer.status() + " to /containers/json");
                var images = new TreeSet<String>();
                answer.body().forEach(container -> images.add(container.path("Image").asString()));
                return List.copyOf(images);
            }
        }

        private static String describe(Map<String, Long> counts) {
            var parts = new ArrayList<String>();
            counts.forEach((severity, count) -> {
                if (count > 0) parts.add(count + " " + severity);
            });
            return parts.isEmpty() ? "no known vulnerabilities" : String.join(", ", parts);
        }
    }
}
