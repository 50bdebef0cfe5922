package dev.tend.alert.notify;

import dev.tend.target.HttpUrls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP POST of a notification, judged as delivery semantics want: 2xx taken; 429, 408 and 5xx
 * worth another try (after Retry-After when the far end gives one); any other answer refused for
 * good; no answer (refused, timed out) worth another try. Answers are quoted briefly, never the URL.
 */
public final class HttpDelivery {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpDelivery() {}

    public static Delivery post(URI url, String body, Map<String, String> headers, Duration timeout) {
        var request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return new Delivery.Retry("no answer from " + HttpUrls.origin(url) + " within " + timeout.toSeconds() + " s", Optional.empty());
        } catch (IOException e) {
            return new Delivery.Retry("could not reach " + HttpUrls.origin(url) + ": " + dev.tend.check.Failures.describe(e), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery.Retry("interrupted", Optional.empty());
        }
        int status = response.statusCode();
        var answer = status + " " + brief(response.body());
        if (status >= 200 && status < 300) return new Delivery.Delivered(answer);
        if (status == 429 || status == 408 || status >= 500) return new Delivery.Retry(answer, retryAfter(response));
        return new Delivery.Refused(answer);
    }

    /** Where a notifier posts, safe to print: the reference it comes from, or for a URL written in the file, only its origin. */
    public static String where(dev.tend.config.Secret url) {
        if (!url.source().startsWith("<")) return url.source();
        try {
            return HttpUrls.origin(URI.create(url.reveal()));
        } catch (IllegalArgumentException e) {
            return "a URL in the file";
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
            } catch (NumberFormatException notSeconds) {
                return Optional.empty(); // an HTTP date: the usual backoff will do
            }
        });
    }

    private static String brief(String body) {
        var text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
