package dev.tend.check;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.slf4j.LoggerFactory;

/**
 * What checks share during one run: the clock (injected, so tests control time), one HTTP client,
 * and clients that are costly to start (a Docker engine client has its own threads) — one per
 * key per run instead of one per check. Everything shared is closed with the context; a probe
 * abandoned after its timeout that asks for one afterwards is refused, so nothing leaks.
 */
public final class CheckContext implements AutoCloseable {
    private final Clock clock;
    private final ConcurrentHashMap<String, CompletableFuture<AutoCloseable>> shared = new ConcurrentHashMap<>();
    private HttpClient https;
    private HttpClient plainHttp;
    private boolean closed;

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

    /**
     * The run's HTTP client for this URL, made on first use. An https URL gets the client with the
     * JDK's default trust (reading the system's CA certificates costs ~50 ms); a plain http URL gets
     * one whose TLS trusts nothing and is never used, since redirects are not followed.
     */
    public synchronized HttpClient http(URI url) {
        if (closed) throw new IllegalStateException("the run is over");
        if ("https".equalsIgnoreCase(url.getScheme())) {
            if (https == null) https = httpClient(HttpClient.newBuilder());
            return https;
        }
        if (plainHttp == null) plainHttp = httpClient(HttpClient.newBuilder().sslContext(trustingNothing()));
        return plainHttp;
    }

    private static HttpClient httpClient(HttpClient.Builder builder) {
        return builder.version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                // Each request carries its own timeout; this only bounds a stuck connect.
                .connectTimeout(Duration.ofSeconds(30))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    private static SSLContext trustingNothing() {
        try {
            var context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[0], null); // no trust manager given: every certificate is refused
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS", e);
        }
    }

    /**
     * The client registered under {@code key}, opened by the first check that asks for it. The
     * opening happens outside any lock (it may take a while); others asking meanwhile wait for it.
     */
    public <T extends AutoCloseable> T shared(String key, Class<T> type, Opener<T> opener) throws Exception {
        var mine = new CompletableFuture<AutoCloseable>();
        CompletableFuture<AutoCloseable> existing;
        synchronized (this) {
            if (closed) throw new IllegalStateException("the run is over");
            existing = shared.putIfAbsent(key, mine);
        }
        if (existing == null) {
            try {
                var client = opener.open();
                mine.complete(client);
                synchronized (this) {
                    if (closed) { // the run ended while we were opening: nobody else will close it
                        closeQuietly(client);
                        throw new IllegalStateException("the run is over");
                    }
                }
            } catch (Exception e) {
                shared.remove(key, mine);
                mine.completeExceptionally(e);
                throw e;
            }
            existing = mine;
        }
        try {
            return type.cast(existing.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        for (var future : shared.values()) {
            var client = future.getNow(null);
            if (client != null) closeQuietly(client); // one still opening is closed by its opener
        }
        shared.clear();
        synchronized (this) {
            // shutdownNow, not close: close() would wait for requests of probes abandoned at their timeout.
            if (https != null) https.shutdownNow();
            if (plainHttp != null) plainHttp.shutdownNow();
        }
    }

    private static void closeQuietly(AutoCloseable client) {
        try {
            client.close();
        } catch (Exception e) {
            LoggerFactory.getLogger(CheckContext.class).warn("could not close {}: {}", client, e.getMessage());
        }
    }
}
