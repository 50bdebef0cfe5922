package dev.tend.check;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * What checks share during one run: the clock (injected, so tests control time) and one HTTP
 * client, because a client per check would cost a selector thread each at thousands of targets.
 */
public record CheckContext(Clock clock, HttpClient http) implements AutoCloseable {

    public static CheckContext create(Clock clock) {
        var http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                // Each request carries its own timeout; this only bounds a stuck connect.
                .connectTimeout(Duration.ofSeconds(30))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        return new CheckContext(clock, http);
    }

    @Override
    public void close() {
        http.close();
    }
}
