package dev.tend.docker;

import dev.tend.check.Check;
import dev.tend.check.CheckContext;
import dev.tend.check.Status;
import dev.tend.check.Verdict;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/** One container: the runbooks' "docker-compose ps" — running, and healthy when it has a health check. */
final class ContainerCheck implements Check {
    private final Path socket;
    private final String container;
    private final CheckContext context;
    private final Clock clock;

    ContainerCheck(Path socket, String container, CheckContext context) {
        this.socket = socket;
        this.container = container;
        this.context = context;
        this.clock = context.clock();
    }

    @Override
    public String name() {
        return "container:" + container;
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        var problem = DockerTarget.socketProblem(socket);
        if (problem.isPresent()) return Verdict.builder().crit("cannot ask about " + container + ": " + problem.get());
        var client = DockerTarget.client(context, socket);
        var answer = client.get("/containers/" + URLEncoder.encode(container, StandardCharsets.UTF_8) + "/json", timeout);
        if (answer.status() == 404) {
            return Verdict.builder().crit("no container named " + container);
        }
        if (answer.status() != 200 || answer.body() == null) {
            return Verdict.builder().crit("the engine answered HTTP " + answer.status() + " for container " + container);
        }
        return judge(answer.body().path("State"), answer.body().path("RestartCount").asLong());
    }

    private Verdict judge(JsonNode state, long restarts) {
        var status = state.path("Status").asString();
        var health = state.path("Health").path("Status").asString("");
        var verdict = Verdict.builder()
                .measure("running", state.path("Running").asBoolean() ? 1 : 0, "bool")
                .measure("restart_count", restarts, "count");
        switch (status) {
            case "running" -> {
                var since = since(state.path("StartedAt").asString());
                verdict.measure("uptime", since.toSeconds(), "s");
                var up = container + " running for " + human(since);
                return switch (health) {
                    case "healthy" -> verdict.ok(up + ", healthy");
                    case "starting" -> verdict.verdict(Status.WARN, up + ", health check still starting");
                    case "unhealthy" -> verdict.crit(up + " but unhealthy (" + state.path("Health").path("FailingStreak").asLong()
                            + " failures in a row): " + lastHealthOutput(state));
                    default -> verdict.ok(up + " (no health check defined)");
                };
            }
            case "restarting" -> {
                return verdict.crit(container + " is restarting (restarted " + restarts + " times); see docker logs " + container);
            }
            case "paused" -> {
                return verdict.verdict(Status.WARN, container + " is paused");
            }
            default -> {
                var finished = state.path("FinishedAt").asString("");
                var when = finished.startsWith("0001") || finished.isEmpty() ? "" : " " + human(since(finished)) + " ago";
                var exitCode = state.path("ExitCode").asLong();
                return verdict.crit(container + " is " + status + (status.equals("exited") ? " with code " + exitCode + when : ""));
            }
        }
    }

    private Duration since(String timestamp) {
        try {
            return Duration.between(Instant.parse(timestamp), clock.instant());
        } catch (DateTimeParseException e) {
            return Duration.ZERO;
        }
    }

    private static String lastHealthOutput(JsonNode state) {
        var log = state.path("Health").path("Log");
        if (!log.isArray() || log.isEmpty()) return "no health output";
        var output = log.get(log.size() - 1).path("Output").asString("").strip();
        return output.isEmpty() ? "exit code " + log.get(log.size() - 1).path("ExitCode").asLong() : output;
    }

    static String human(Duration duration) {
        if (duration.isNegative()) duration = Duration.ZERO;
        if (duration.toDays() > 0) return duration.toDays() + "d " + duration.toHoursPart() + "h";
        if (duration.toHours() > 0) return duration.toHours() + "h " + duration.toMinutesPart() + "m";
        if (duration.toMinutes() > 0) return duration.toMinutes() + "m";
        return duration.toSeconds() + "s";
    }
}
