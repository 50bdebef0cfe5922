package dev.tend.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * nginx (Debian package nginx) on 127.0.0.1 with an HTTP and an HTTPS listener, both serving:
 * {@code GET /health} 200 JSON, {@code GET /down} 503 "down", {@code GET /} 200 welcome text.
 * The HTTPS listener uses a fresh self-signed certificate for localhost and 127.0.0.1, see {@link #certificatePem()}.
 * <p>Shared by every test of the run and stopped by the harness at its end: tests must not close it.
 */
public final class NginxServer extends LocalService {

    private static final String HOST = "127.0.0.1";
    private static final String NGINX = "/usr/sbin/nginx";
    private static final String OPENSSL = "/usr/bin/openssl";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private static final String HEALTH_JSON = "{\"status\":\"ok\",\"database\":{\"ok\":true}}";
    private static final String WELCOME_TEXT = "Welcome to Tend test nginx";

    private final ManagedProcess process;
    private final int httpPort;
    private final int httpsPort;
    private final Path certificate;
    private final Instant certificateNotAfter;

    private NginxServer(Path workDir, ManagedProcess process, int httpPort, int httpsPort, Path certificate,
                        Instant certificateNotAfter) {
        super(workDir);
        this.process = process;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.certificate = certificate;
        this.certificateNotAfter = certificateNotAfter;
    }

    static NginxServer start() throws IOException {
        Commands.requireExecutable(NGINX, "nginx");
        Commands.requireExecutable(OPENSSL, "openssl");
        Path workDir = TempDirs.create("tend-nginx");
        ManagedProcess process = null;
        try {
            Path certificate = workDir.resolve("cert.pem");
            Path key = workDir.resolve("key.pem");
            Commands.run(Duration.ofSeconds(30), List.of(OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                    "-keyout", key.toString(), "-out", certificate.toString(), "-days", "90",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"));
            Instant notAfter = readNotAfter(certificate);

            int httpPort = FreePorts.next();
            int httpsPort = FreePorts.next();
            Path config = workDir.resolve("nginx.conf");
            Files.writeString(config, config(workDir, httpPort, httpsPort, certificate, key));
            Path errorLog = workDir.resolve("error.log");
            process = ManagedProcess.start("nginx", List.of(NGINX,
                    "-p", workDir + "/",
                    "-c", config.toString(),
                    "-e", errorLog.toString(), // before reading the config nginx would log to /var/log/nginx
                    "-g", "daemon off;"), workDir.resolve("nginx.log"));
            awaitListeners(process, httpPort, httpsPort, errorLog);
            NginxServer server = new NginxServer(workDir, process, httpPort, httpsPort, certificate, notAfter);
            ShutdownCleanup.register(server);
            return server;
        } catch (IOException | RuntimeException e) {
            if (process != null) {
                process.close();
            }
            TempDirs.deleteQuietly(workDir);
            throw e;
        }
    }

    private static void awaitListeners(ManagedProcess process, int httpPort, int httpsPort, Path errorLog) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + httpPort + "/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            process.awaitReady(STARTUP_TIMEOUT, () -> accepts(httpsPort)
                    && http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        } catch (IllegalStateException e) {
            // nginx reports config and bind errors in its own error log, not on stderr
            throw new IllegalStateException(e.getMessage()
                    + "\n--- last lines of " + errorLog + " ---\n" + ManagedProcess.tail(errorLog, 20), e);
        }
    }

    private static String config(Path workDir, int httpPort, int httpsPort, Path certificate, Path key) {
        // as root, workers would switch to www-data and could not read the 0700 temp dir: keep them root
        String user = Commands.runningAsRoot() ? "user root root;" : "";
        return """
                # Written by the Tend test harness.
                %s
                worker_processes 2;
                # room for the benchmark's 1,000+ concurrent connections
                worker_rlimit_nofile 16384;
                pid %s/nginx.pid;
                error_log %s/error.log warn;

                events {
                    worker_connections 4096;
                }

                http {
                    access_log off;
                    server_tokens off;
                    default_type text/plain;
                    client_body_temp_path %s/client_body;
                    proxy_temp_path %s/proxy;
                    fastcgi_temp_path %s/fastcgi;
                    uwsgi_temp_path %s/uwsgi;
                    scgi_temp_path %s/scgi;

                    server {
                        # the default accept backlog (511) drops connections of a 1,000-client burst
                        listen %s:%d backlog=4096;
                        listen %s:%d ssl backlog=4096;
                        server_name localhost;
                        ssl_certificate %s;
                        ssl_certificate_key %s;
                        ssl_protocols TLSv1.2 TLSv1.3;

                        location = /health {
                            default_type application/json;
                            return 200 '%s';
                        }
                        location = /down {
                            return 503 "down";
                        }
                        location = / {
                            return 200 "%s";
                        }
                        location / {
                            return 404 "not found";
                        }
                    }
                }
                """.formatted(user, workDir, workDir, workDir, workDir, workDir, workDir, workDir,
                HOST, httpPort, HOST, httpsPort, certificate, key, HEALTH_JSON, WELCOME_TEXT);
    }

    private static boolean accepts(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 1_000);
            return true;
        }
    }

    private static Instant readNotAfter(Path certificate) {
        try (InputStream in = Files.newInputStream(certificate)) {
            X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return parsed.getNotAfter().toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException("openssl wrote an unreadable certificate " + certificate, e);
        }
    }

    public int httpPort() {
        return httpPort;
    }

    public int httpsPort() {
        return httpsPort;
    }

    /** e.g. {@code httpUrl("/health")} = {@code http://127.0.0.1:PORT/health} */
    public String httpUrl(String path) {
        return "http://" + HOST + ":" + httpPort + path;
    }

    /** e.g. {@code httpsUrl("/health")} = {@code https://127.0.0.1:PORT/health}; trust {@link #certificatePem()}. */
    public String httpsUrl(String path) {
        return "https://" + HOST + ":" + httpsPort + path;
    }

    /** The self-signed server certificate (PEM), to be used as the only trusted CA of a TLS client. */
    public Path certificatePem() {
        return certificate;
    }

    public Instant certificateNotAfter() {
        return certificateNotAfter;
    }

    @Override
    protected void stop() throws Exception {
        process.close();
    }

    @Override
    public String toString() {
        return "NginxServer[" + httpUrl("/") + ", " + httpsUrl("/") + ", pid " + process.pid() + "]";
    }
}
