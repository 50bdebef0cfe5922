package dev.tend.check.tls;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/** One handshake, as a browser would make it (SNI, name check), that records the certificate instead of failing on it. */
final class TlsHandshake {
    private TlsHandshake() {}

    /** Connects, shakes hands and returns what the trust manager saw; throws when no handshake happens at all. */
    static RecordingTrustManager run(InetSocketAddress address, String hostname, X509ExtendedTrustManager trust, Duration timeout)
            throws Exception {
        var recorder = new RecordingTrustManager(trust);
        var context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {recorder}, null);
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (var plain = new Socket()) {
            plain.connect(address, millis);
            plain.setSoTimeout(millis);
            try (var socket = (SSLSocket) context.getSocketFactory().createSocket(plain, hostname, address.getPort(), false)) {
                var parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the name must match, as browsers require
                if (!isIpLiteral(hostname)) parameters.setServerNames(List.of(new SNIHostName(hostname)));
                socket.setSSLParameters(parameters);
                socket.startHandshake();
            }
        }
        return recorder;
    }

    static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+") && safeIsAddress(host);
    }

    private static boolean safeIsAddress(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress().equals(host);
        } catch (Exception e) {
            return false;
        }
    }
}
