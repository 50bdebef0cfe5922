package dev.tend.storage;

import dev.tend.check.Check;
import dev.tend.check.Verdict;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** MinIO's own health endpoints: live (the process answers) and cluster (write quorum). */
final class MinioHealthCheck implements Check {
    private final String name;
    private final URI url;
    private final HttpClient http;

    MinioHealthCheck(String name, URI url, HttpClient http) {
        this.name = name;
        this.url = url;
        this.http = http;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        var request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        var response = http.send(request, HttpResponse.BodyHandlers.discarding());
        var verdict = Verdict.builder().measure("status_code", response.statusCode(), "code");
        if (response.statusCode() == 200) return verdict.ok(url.getPath() + " answered 200");
        var meaning = name.equals("minio-cluster") ? "the cluster has lost write quorum or is healing" : "MinIO is not live";
        return verdict.crit(url.getPath() + " answered " + response.statusCode() + ": " + meaning);
    }
}
