package dev.tend.check;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.slf4j.LoggerFactory;

/**
 * What checks share during one run: the clock (injected, so tests control time), one HTTP client,
 * and clients that are costly to start (a Docker engine client has its own threads) — one per
 * key per run instead of one per check. Everything shared is closed with the context.
 */
public final class CheckContext implements AutoCloseable {
    private final Clock clock;
    private volatile HttpClient http;
    private final ConcurrentHashMap<String, AutoCloseable> shared = new ConcurrentHashMap<>();

    /** Makes a shared client; may fail, and then nothing is kept. */
    @FunctionalInterface
    public interface Opener<T extends AutoCloseable> {
        T open() throws Exception;
    }

    private CheckContext(Clock clock) {
        this.clock = clock;
    }

    public static CheckContext create(Clock clock) {
        return new CheckContext(clock);
    }

    public Clock clock() {
        return clock;
    }

    /** The run's HTTP client, made on first use: building its TLS context costs ~100 ms. */
    public HttpClient http() {
        var client = http;
        if (client == null) {
            synchronized (this) {
                if (http == null) http = newHttpClient();
                client = http;
            }
        }
        return client;
    }

    private static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                // Each request carries its own timeout; this only bounds a stuck connect.
                .connectTimeout(Duration.ofSeconds(30))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    /** The client registered under {@code key}, opened by the first check that asks for it. */
    public <T extends AutoCloseable> T shared(String key, Class<T> type, Opener<T> opener) throws Exception {
        try {
            return type.cast(shared.computeIfAbsent(key, unused -> {
                try {
                    return opener.open();
                } catch (Exception e) {
                    throw new OpenFailed(e);
                }
            }));
        } catch (OpenFailed e) {
            throw (Exception) e.getCause();
        }
    }

    private static final class OpenFailed extends RuntimeException {
        OpenFailed(Exception cause) {
            super(cause);
        }
    }

    @Override
    public void close() {
        for (var client : new ArrayList<>(shared.values())) {
            try {
                client.close();
            } catch (Exception e) {
                LoggerFactory.getLogger(CheckContext.class).warn("could not close {}: {}", client, e.getMessage());
            }
        }
        shared.clear();
        if (http != null) http.close();
    }
}
