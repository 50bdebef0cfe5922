package dev.tend.check.http;

import dev.tend.check.Check;
import dev.tend.check.Status;
import dev.tend.check.Verdict;
import dev.tend.check.tls.CertificateDiagnosis;
import dev.tend.target.HttpUrls;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import javax.net.ssl.SSLException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** One request; judged on status, latency, body keyword and JSON conditions, all reasons kept. */
final class HttpCheck implements Check {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BODY = 1024 * 1024;
    private final HttpTarget target;
    private final HttpClient client;
    private final Clock clock;

    HttpCheck(HttpTarget target, HttpClient client, Clock clock) {
        this.target = target;
        this.client = client;
        this.clock = clock;
    }

    private record Answer(int status, String body, boolean truncated) {}

    /**
     * Sends the request. The body is read only when a condition needs it, and never more than
     * MAX_BODY of it: a health check pointed at a large download must not fill the heap. Otherwise
     * it is drained and dropped, which keeps the connection reusable.
     */
    private Answer fetch(HttpRequest request) throws Exception {
        if (target.bodyContains().isEmpty() && target.json().isEmpty()) {
            return new Answer(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), "", false);
        }
        var response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (var stream = response.body()) {
            var bytes = stream.readNBytes(MAX_BODY + 1);
            var text = new String(bytes, 0, Math.min(bytes.length, MAX_BODY), StandardCharsets.UTF_8);
            return new Answer(response.statusCode(), text, bytes.length > MAX_BODY);
        }
    }

    private static boolean isTls(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) return true;
        }
        return false;
    }

    private int port() {
        return target.url().getPort() >= 0 ? target.url().getPort() : 443;
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        var request = HttpRequest.newBuilder(target.url())
                .timeout(timeout)
                .header("User-Agent", "tend")
                .method(target.method(), HttpRequest.BodyPublishers.noBody())
                .build();
        long start = System.nanoTime();
        Answer answer;
        try {
            answer = fetch(request);
        } catch (IOException e) {
            // An https target trusts what the tls check trusts; say which certificate and why, as it does.
            var problem = isTls(e) ? CertificateDiagnosis.ofHttps(target.url().getHost(), port(), timeout, clock) : Optional.<String>empty();
            if (problem.isPresent()) return Verdict.builder().crit(problem.get());
            throw e;
        }
        double millis = (System.nanoTime() - start) / 1e6;
        var body = answer.body();
        var verdict = Verdict.builder()
                .measure("status_code", answer.status(), "code")
                .measure("latency", millis, "ms");

        var failures = new ArrayList<String>();
        if (!target.statusExpected(answer.status())) {
            failures.add("status " + answer.status() + ", expected "
                    + (target.expectStatus().isEmpty() ? "2xx or 3xx" : target.expectStatus()));
        }
        target.bodyContains().filter(keyword -> !body.contains(keyword))
                .ifPresent(keyword -> failures.add("body does not contain \"" + keyword + "\""));
        if (!target.json().isEmpty()) {
            try {
                var document = JSON.readTree(body);
                target.json().forEach(condition -> condition.failure(document).ifPresent(failures::add));
            } catch (JacksonException e) {
                failures.add(answer.truncated() ? "body is larger than " + MAX_BODY / 1024 + " KiB, too large to read as JSON" : "body is not JSON");
            }
        }
        var summary = target.method() + " " + HttpUrls.withoutQueryValues(target.url()) + " → " + answer.status() + " in " + Math.round(millis) + " ms";
        if (!failures.isEmpty()) {
            return verdict.crit(String.join("; ", failures) + " (" + summary + ")");
        }
        var latencyStatus = target.latencyMillis().grade(millis);
        if (latencyStatus != Status.OK) {
            return verdict.verdict(latencyStatus, summary + ", slower than the "
                    + Math.round(target.latencyMillis().crossed(millis)) + " ms threshold");
        }
        return verdict.ok(summary);
    }
}
