package dev.tend.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends N requests at concurrency C, as {@code ab -n N -c C} does, and times each from its start to
 * the last byte of its answer, over plain sockets, with nothing between the clock and the wire (a
 * general HTTP client adds its own queueing and pooling, which a load figure must not include).
 * Without keep-alive every request opens its own connection, as ab does without -k; with it, each
 * connection is kept. Plain http is driven by an event loop ({@link LoadEngines}); https, for
 * now, by a thread per connection ({@link TlsLoad}).
 */
public final class LoadGenerator {
    private LoadGenerator() {}

    public static LoadResult run(URI url, int requests, int concurrency, boolean keepAlive, Duration requestTimeout, Duration bound)
            throws InterruptedException {
        if ("http".equals(url.getScheme())) {
            WarmUp.run(keepAlive, concurrency);
            return LoadEngines.plainHttp().run(url, requests, concurrency, keepAlive, requestTimeout, bound, requestBytes(url, keepAlive));
        }
        return TlsLoad.run(url, requests, concurrency, keepAlive, requestTimeout, bound, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    static byte[] requestBytes(URI url, boolean keepAlive) {
        var path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        int port = port(url);
        boolean defaultPort = port == ("https".equals(url.getScheme()) ? 443 : 80);
        var text = "GET " + path + " HTTP/1.1\r\nHost: " + url.getHost() + (defaultPort ? "" : ":" + port) + "\r\n"
                + "User-Agent: tend-http.load\r\nAccept: */*\r\n" + (keepAlive ? "" : "Connection: close\r\n") + "\r\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
    }

    /** An exception as a run reports it: "Connect: Connection refused". */
    static String describe(Exception e) {
        return e.getClass().getSimpleName().replace("Exception", "") + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
