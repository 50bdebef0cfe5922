package dev.tend.check.http;

import dev.tend.check.Check;
import dev.tend.check.Verdict;
import dev.tend.target.HttpUrls;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;

/**
 * {@code headers}: the target's header conditions (security headers, mostly), a check of its own so
 * a missing Referrer-Policy is a finding at its level (WARN by default) without making the
 * endpoint look down.
 */
final class HeadersCheck implements Check {
    private final HttpTarget target;
    private final HttpClient client;

    HeadersCheck(HttpTarget target, HttpClient client) {
        this.target = target;
        this.client = client;
    }

    @Override
    public String name() {
        return "headers";
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        var request = HttpRequest.newBuilder(target.url()).timeout(timeout).header("User-Agent", "tend")
                .method(target.method(), HttpRequest.BodyPublishers.noBody()).build();
        var response = client.send(request, HttpResponse.BodyHandlers.discarding());
        var failures = new ArrayList<String>();
        target.headers().forEach(condition -> condition.failure(response.headers(), target.url()).ifPresent(failures::add));
        var verdict = Verdict.builder().measure("failed_conditions", failures.size(), "conditions");
        var where = HttpUrls.withoutQueryValues(target.url());
        if (failures.isEmpty()) return verdict.ok(target.headers().size() + " header condition(s) hold on " + where);
        return verdict.verdict(target.headersLevel(), String.join("; ", failures) + " (" + where + ")");
    }
}
