package dev.tend.testing;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * openssl s_server on 127.0.0.1 serving a chosen certificate and chain, for the certificate and
 * handshake flaws nginx is not set up with: an expired certificate, a chain that stops short, a
 * server that speaks only TLS 1.1. Closed by the test that started it.
 */
public final class TlsServer extends LocalService {
    private static final String OPENSSL = "/usr/bin/openssl";
    private final ManagedProcess process;
    private final int port;

    private TlsServer(Path workDir, ManagedProcess process, int port) {
        super(workDir);
        this.process = process;
        this.port = port;
    }

    /**
     * Serves the certificate, sending the {@code chain} certificates after it (none: the server sends its
     * certificate alone); {@code options} go to s_server as they are, e.g. "-tls1_1".
     */
    public static TlsServer start(Certificates.Issued served, List<Path> chain, String... options) throws Exception {
        Commands.requireExecutable(OPENSSL, "openssl");
        var workDir = TempDirs.create("tend-tls");
        int port = FreePorts.next();
        var command = new ArrayList<>(List.of(OPENSSL, "s_server", "-accept", "127.0.0.1:" + port, "-www",
                "-cert", served.certificate().toString(), "-key", served.key().toString()));
        if (!chain.isEmpty()) {
            var chainFile = workDir.resolve("chain.pem");
            var pems = new StringBuilder();
            for (var pem : chain) pems.append(Files.readString(pem));
            Files.writeString(chainFile, pems);
            command.addAll(List.of("-cert_chain", chainFile.toString()));
        }
        command.addAll(List.of(options));
        var process = ManagedProcess.start("openssl s_server", command, workDir.resolve("s_server.log"));
        try {
            process.awaitReady(Duration.ofSeconds(20), () -> accepts(port));
        } catch (RuntimeException e) {
            process.close();
            TempDirs.deleteQuietly(workDir);
            throw e;
        }
        var server = new TlsServer(workDir, process, port);
        ShutdownCleanup.register(server);
        return server;
    }

    private static boolean accepts(int port) throws Exception {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        }
    }

    /** "127.0.0.1:PORT", as a tls target's address. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    protected void stop() {
        process.close();
    }

    @Override
    public String toString() {
        return "TlsServer[" + address() + ", pid " + process.pid() + "]";
    }
}
