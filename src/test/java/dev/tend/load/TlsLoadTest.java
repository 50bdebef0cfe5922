package dev.tend.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.testing.Certificates;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https load against a TLS server on loopback whose certificate a test authority signed: what the
 * plain engines do, over TLS — a kept connection the server closes (as nginx does after
 * keepalive_requests) is opened again, not counted failed; interim answers are followed by the
 * final one; a fresh connection closed without an answer is a failure, tried once only.
 */
class TlsLoadTest {
    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    @TempDir
    Path directory;
    private SSLContext server;
    private SSLSocketFactory client;
    private SSLServerSocket listening;
    private final AtomicInteger accepted = new AtomicInteger();

    @BeforeEach
    void certificates() throws Exception {
        var certificates = new Certificates(directory);
        var root = certificates.authority("root", "/CN=Tend Test Root");
        var served = certificates.signed("server", "/CN=127.0.0.1", "IP:127.0.0.1", root, LocalDate.now().minusDays(1), 30);
        var keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", privateKey(served.key()), new char[0], new Certificate[] {certificate(served.certificate()), certificate(root.certificate())});
        var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, new char[0]);
        server = SSLContext.getInstance("TLS");
        server.init(keyManagers.getKeyManagers(), null, null);
        var trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("root", certificate(root.certificate()));
        var trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        var context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        client = context.getSocketFactory();
    }

    @AfterEach
    void close() throws IOException {
        if (listening != null) listening.close();
    }

    @Test
    void aKeptConnectionTheServerClosesIsOpenedAgainNotCountedAsAFailure() throws Exception {
        serve(2, OK); // two answers per connection, then it is closed, as keepalive_requests 2 would

        var result = TlsLoad.run(url(), 60, 3, true, Duration.ofSeconds(5), Duration.ofSeconds(30), client);

        assertThat(result.failures()).as(result.firstFailure()).isZero();
        assertThat(result.answered()).isEqualTo(60);
        assertThat(result.statuses()).containsExactlyEntriesOf(java.util.Map.of(200, 60));
        assertThat(accepted.get()).as("a connection per two answers").isGreaterThanOrEqualTo(30);
    }

    @Test
    void anInterimAnswerIsFollowedByTheFinalOne() throws Exception {
        serve(1_000, "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n" + OK);

        var result = TlsLoad.run(url(), 20, 2, true, Duration.ofSeconds(5), Duration.ofSeconds(30), client);

        assertThat(result.failures()).as(result.firstFailure()).isZero();
        assertThat(result.statuses()).containsExactlyEntriesOf(java.util.Map.of(200, 20));
    }

    @Test
    void aNewConnectionClosedWithoutAnAnswerIsAFailureTriedOnce() throws Exception {
        serve(0, OK); // reads the request, answers nothing, closes

        var result = TlsLoad.run(url(), 10, 2, true, Duration.ofSeconds(5), Duration.ofSeconds(30), client);

        assertThat(result.answered()).isZero();
        assertThat(result.failures()).isEqualTo(10);
        assertThat(result.firstFailure()).contains("closed the connection without answering");
        assertThat(accepted.get()).as("one connection per request: a failure on a new one is not tried again").isEqualTo(10);
    }

    private URI url() {
        return URI.create("https://127.0.0.1:" + listening.getLocalPort() + "/");
    }

    /** Serves each connection on a thread of its own: up to {@code answers} requests, each answered with {@code answer}, then closes it. */
    private void serve(int answers, String answer) throws IOException {
        listening = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        var bytes = answer.getBytes(StandardCharsets.US_ASCII);
        Thread.ofPlatform().daemon().start(() -> {
            while (!listening.isClosed()) {
                try {
                    var socket = listening.accept();
                    accepted.incrementAndGet();
                    Thread.ofPlatform().daemon().start(() -> {
                        try (socket) {
                            var in = socket.getInputStream();
                            for (int answered = 0; readHead(in); answered++) {
                                if (answered == answers) break;
                                socket.getOutputStream().write(bytes);
                                socket.getOutputStream().flush();
                                if (answered + 1 == answers) break;
                            }
                        } catch (IOException ignored) {
                            // the client went away
                        }
                    });
                } catch (IOException e) {
                    return; // closed
                }
            }
        });
    }

    /** Reads one request head (up to the empty line); false at the end of the stream. */
    private static boolean readHead(InputStream in) throws IOException {
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
            if (matched == 4) return true;
        }
        return false;
    }

    private static Certificate certificate(Path pem) throws Exception {
        try (var in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static java.security.PrivateKey privateKey(Path pem) throws Exception {
        var text = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
    }
}
