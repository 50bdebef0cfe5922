package dev.tend.docker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.Transport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal Docker Engine API client: GET over the Unix socket, JSON back. One per engine per run
 * (it owns a small thread pool); every request carries its own total timeout.
 */
public final class DockerEngineClient implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Path socket;
    private final HttpClient http;
    private final Transport transport;

    /** The answer of one call: its status code and parsed body (null when not JSON). */
    public record Answer(int status, JsonNode body) {}

    public DockerEngineClient(Path socket) throws Exception {
        this.socket = socket;
        this.transport = new Transport.TCPUnix(socket);
        this.http = new HttpClient(new HttpClientTransportOverHTTP(new ClientConnector()));
        http.setConnectTimeout(Duration.ofSeconds(30).toMillis()); // requests' own timeouts are shorter
        try {
            http.start();
        } catch (Exception e) {
            http.stop();
            throw e;
        }
    }

    public Answer get(String path, Duration timeout) throws Exception {
        return send("GET", path, timeout);
    }

    /** POSTs with no body (the prune endpoints): status and parsed body. */
    public Answer post(String path, Duration timeout) throws Exception {
        return send("POST", path, timeout);
    }

    /** POSTs a JSON body (create an exec, a container): status and parsed body. */
    public Answer post(String path, JsonNode body, Duration timeout) throws Exception {
        return send("POST", path, body, timeout);
    }

    /** DELETEs (a container, an image tag): status and parsed body. */
    public Answer delete(String path, Duration timeout) throws Exception {
        return send("DELETE", path, null, timeout);
    }

    private Answer send(String method, String path, Duration timeout) throws Exception {
        return send(method, path, null, timeout);
    }

    private Answer send(String method, String path, JsonNode content, Duration timeout) throws Exception {
        var request = http.newRequest("http://docker" + path).method(method)
                .transport(transport)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (content != null) request.body(new org.eclipse.jetty.client.StringRequestContent("application/json", JSON.writeValueAsString(content)));
        var response = request.send();
        var text = response.getContentAsString();
        JsonNode answer = null;
        if (text != null && !text.isBlank()) {
            try {
                answer = JSON.readTree(text);
            } catch (RuntimeException notJson) {
                answer = null;
            }
        }
        return new Answer(response.getStatus(), answer);
    }

    /** An answer streamed to a file (a container's logs can be gigabytes): its status and content type. */
    public record Download(int status, String contentType) {}

    /** GETs {@code path} and writes the body to {@code file} as it arrives; the whole exchange is bounded by {@code timeout}. */
    public Download download(String path, Duration timeout, Path file) throws Exception {
        var listener = new org.eclipse.jetty.client.InputStreamResponseListener();
        http.newRequest("http://docker" + path).transport(transport).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).send(listener);
        var response = listener.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (var in = listener.getInputStream(); var out = java.nio.file.Files.newOutputStream(file)) {
            in.transferTo(out);
        }
        return new Download(response.getStatus(), response.getHeaders().get("Content-Type"));
    }

    /**
     * POSTs a JSON body and hands the streamed answer to {@code reader} as it arrives (an exec's
     * output); returns the status. The exchange is bounded by {@code timeout}: past it the stream
     * ends early and a {@link java.util.concurrent.TimeoutException} is thrown.
     */
    public int stream(String path, JsonNode body, Duration timeout, java.util.function.Consumer<java.io.InputStream> reader) throws Exception {
        var listener = new org.eclipse.jetty.client.InputStreamResponseListener();
        long deadline = System.nanoTime() + timeout.toNanos();
        var request = http.newRequest("http://docker" + path).method("POST").transport(transport).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .body(new org.eclipse.jetty.client.StringRequestContent("application/json", JSON.writeValueAsString(body)));
        request.send(listener);
        var response = listener.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (var in = listener.getInputStream()) {
            reader.accept(in);
        }
        var result = listener.await(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
        if (result.getFailure() instanceof java.util.concurrent.TimeoutException timedOut) throw timedOut;
        return response.getStatus();
    }

    @Override
    public void close() throws Exception {
        http.stop();
    }

    @Override
    public String toString() {
        return "Docker engine client for " + socket;
    }
}
