package dev.tend.operations.containers;

import dev.tend.docker.DockerEngineClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The container operations' calls to the Engine API (never the docker CLI), each with a timeout,
 * each failure an exception that says which call and what the engine answered.
 */
final class Engine implements AutoCloseable {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration POLL = Duration.ofMillis(250);
    private final DockerEngineClient client;
    private final Duration timeout;

    Engine(java.nio.file.Path socket, Duration timeout) throws Exception {
        this.client = new DockerEngineClient(socket);
        this.timeout = timeout;
    }

    /** The container's inspect document; empty when there is no such container. */
    Optional<JsonNode> inspect(String container) throws Exception {
        var answer = client.get("/containers/" + encode(container) + "/json", timeout);
        if (answer.status() == 404) return Optional.empty();
        expect(answer, 200, "inspect " + container);
        return Optional.of(answer.body());
    }

    JsonNode inspectOrFail(String container) throws Exception {
        return inspect(container).orElseThrow(() -> new IllegalStateException("no container named '" + container + "'"));
    }

    /** An image's inspect document; empty when the engine has no such image. */
    Optional<JsonNode> image(String reference) throws Exception {
        var answer = client.get("/images/" + encode(reference) + "/json", timeout);
        if (answer.status() == 404) return Optional.empty();
        expect(answer, 200, "inspect image " + reference);
        return Optional.of(answer.body());
    }

    /** The tags the engine has for {@code repository} ("backup-20261201", "1.4"). */
    java.util.List<String> images(String repository) throws Exception {
        var filter = encode("{\"reference\":[\"" + repository.replace("\"", "") + "\"]}");
        var answer = client.get("/images/json?filters=" + filter, timeout);
        expect(answer, 200, "list images of " + repository);
        var tags = new java.util.ArrayList<String>();
        answer.body().forEach(image -> image.path("RepoTags").forEach(tag -> {
            var text = tag.asString();
            if (text.startsWith(repository + ":")) tags.add(text.substring(repository.length() + 1));
        }));
        return tags;
    }

    void stop(String id, Duration grace) throws Exception {
        // The engine waits up to the grace period, then kills: the call itself must wait longer.
        var answer = client.post("/containers/" + encode(id) + "/stop?t=" + grace.toSeconds(), timeout.plus(grace));
        if (answer.status() != 304) expect(answer, 204, "stop " + id);
    }

    void start(String id) throws Exception {
        var answer = client.post("/containers/" + encode(id) + "/start", timeout);
        if (answer.status() != 304) expect(answer, 204, "start " + id);
    }

    void rename(String id, String name) throws Exception {
        expect(client.post("/containers/" + encode(id) + "/rename?name=" + encode(name), timeout), 204, "rename " + id + " to " + name);
    }

    void remove(String id) throws Exception {
        var answer = client.delete("/containers/" + encode(id) + "?force=true", timeout);
        if (answer.status() != 404) expect(answer, 204, "remove " + id);
    }

    /** Creates a container under {@code name}; returns its id. */
    String create(String name, JsonNode body) throws Exception {
        var answer = client.post("/containers/create?name=" + encode(name), body, timeout);
        expect(answer, 201, "create " + name);
        return answer.body().path("Id").asString();
    }

    void tag(String image, String repository, String tag) throws Exception {
        expect(client.post("/images/" + encode(image) + "/tag?repo=" + encode(repository) + "&tag=" + encode(tag), timeout), 201,
                "tag " + image + " as " + repository + ":" + tag);
    }

    /** docker commit: the container's file system as a new image; returns its id. */
    String commit(String container, String repository, String tag) throws Exception {
        var answer = client.post("/commit?container=" + encode(container) + "&repo=" + encode(repository) + "&tag=" + encode(tag)
                + "&pause=true", timeout.multipliedBy(10));
        expect(answer, 201, "commit " + container);
        return answer.body().path("Id").asString();
    }

    /** Pulls {@code reference} from its registry (an update without --image). */
    void pull(String reference) throws Exception {
        int colon = reference.lastIndexOf(':');
        boolean tagged = colon > reference.lastIndexOf('/');
        var path = "/images/create?fromImage=" + encode(tagged ? reference.substring(0, colon) : reference) + "&tag="
                + encode(tagged ? reference.substring(colon + 1) : "latest");
        var answer = client.post(path, timeout.multipliedBy(30));
        if (answer.status() != 200) throw new IllegalStateException("pull " + reference + ": the engine answered HTTP " + answer.status() + message(answer));
        if (image(reference).isEmpty()) throw new IllegalStateException("pull " + reference + " did not bring the image (is the registry reachable?)");
    }

    /** How waiting for a started container ended. */
    record Readiness(boolean ready, String description) {}

    /**
     * Waits until the container is healthy (with a health check) or has run for {@code settle}
     * without stopping (without one); bounded by {@code bound}.
     */
    Readiness awaitReady(String id, Duration settle, Duration bound) throws Exception {
        long started = System.nanoTime();
        long deadline = started + bound.toNanos();
        while (true) {
            var state = inspectOrFail(id).path("State");
            var status = state.path("Status").asString();
            if (status.equals("exited") || status.equals("dead")) {
                return new Readiness(false, "it stopped (exit code " + state.path("ExitCode").asLong() + ")");
            }
            var health = state.path("Health").path("Status").asString("");
            if (health.equals("healthy")) return new Readiness(true, "healthy");
            if (health.equals("unhealthy")) return new Readiness(false, "unhealthy: " + lastHealthOutput(state));
            if (health.isEmpty() && status.equals("running") && System.nanoTime() - started >= settle.toNanos()) {
                return new Readiness(true, "running for " + dev.tend.check.Units.age(settle) + " (no health check defined)");
            }
            if (System.nanoTime() > deadline) {
                return new Readiness(false, health.isEmpty() ? "not running steadily within " + dev.tend.check.Units.age(bound)
                        : "health check still '" + health + "' after " + dev.tend.check.Units.age(bound));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * The body that creates this container again: its config and host config as inspected, with
     * the image replaced and what the engine made up at run time (host name, network ids) left out.
     */
    static ObjectNode recreation(JsonNode inspected, String image) {
        var body = ((ObjectNode) inspected.path("Config")).deepCopy();
        body.put("Image", image);
        var shortId = inspected.path("Id").asString().substring(0, Math.min(12, inspected.path("Id").asString().length()));
        if (body.path("Hostname").asString("").equals(shortId)) body.remove("Hostname");
        body.set("HostConfig", inspected.path("HostConfig").deepCopy());
        var endpoints = JSON.createObjectNode();
        for (Iterator<String> names = inspected.path("NetworkSettings").path("Networks").propertyNames().iterator(); names.hasNext(); ) {
            var network = names.next();
            var settings = inspected.path("NetworkSettings").path("Networks").path(network);
            var kept = JSON.createObjectNode();
            for (var key : new String[] {"IPAMConfig", "Links", "DriverOpts"}) {
                if (!settings.path(key).isNull() && !settings.path(key).isMissingNode()) kept.set(key, settings.path(key).deepCopy());
            }
            var aliases = kept.putArray("Aliases");
            settings.path("Aliases").forEach(alias -> {
                if (!alias.asString().equals(shortId)) aliases.add(alias.asString());
            });
            endpoints.set(network, kept);
        }
        body.putObject("NetworkingConfig").set("EndpointsConfig", endpoints);
        return body;
    }

    private static String lastHealthOutput(JsonNode state) {
        var log = state.path("Health").path("Log");
        if (!log.isArray() || log.isEmpty()) return "no health check output";
        var last = log.get(log.size() - 1);
        var output = last.path("Output").asString("").strip();
        return "exit " + last.path("ExitCode").asLong() + (output.isEmpty() ? "" : ", " + output.lines().reduce((a, b) -> b).orElse(""));
    }

    private static void expect(DockerEngineClient.Answer answer, int status, String what) {
        if (answer.status() != status) throw new IllegalStateException(what + ": the engine answered HTTP " + answer.status() + message(answer));
    }

    private static String message(DockerEngineClient.Answer answer) {
        return answer.body() == null ? "" : " (" + answer.body().path("message").asString("") + ")";
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
