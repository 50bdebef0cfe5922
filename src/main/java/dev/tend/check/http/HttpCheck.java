package dev.tend.check.http;

import dev.tend.check.Check;
import dev.tend.check.Status;
import dev.tend.check.Verdict;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** One request; judged on status, latency, body keyword and JSON conditions, all reasons kept. */
final class HttpCheck implements Check {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpTarget target;
    private final HttpClient client;

    HttpCheck(HttpTarget target, HttpClient client) {
        this.target = target;
        this.client = client;
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
        var response = client.send(request, HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - start) / 1e6;
        var body = response.body() == null ? "" : response.body();
        var verdict = Verdict.builder()
                .measure("status_code", response.statusCode(), "code")
                .measure("latency", millis, "ms")
                .measure("body_size", body.length(), "chars");

        var failures = new ArrayList<String>();
        if (!target.statusExpected(response.statusCode())) {
            failures.add("status " + response.statusCode() + ", expected "
                    + (target.expectStatus().isEmpty() ? "2xx or 3xx" : target.expectStatus()));
        }
        target.bodyContains().filter(keyword -> !body.contains(keyword))
                .ifPresent(keyword -> failures.add("body does not contain \"" + keyword + "\""));
        if (!target.json().isEmpty()) {
            try {
                var document = JSON.readTree(body);
                target.json().forEach(condition -> condition.failure(document).ifPresent(failures::add));
            } catch (JacksonException e) {
                failures.add("body is not JSON");
            }
        }
        var summary = target.method() + " " + target.url() + " → " + response.statusCode() + " in " + Math.round(millis) + " ms";
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
