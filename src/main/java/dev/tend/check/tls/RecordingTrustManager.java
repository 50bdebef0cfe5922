package dev.tend.check.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Validates the server's chain with the real trust manager but, instead of failing the handshake,
 * records the verdict: an untrusted or expiring certificate is exactly what the check must report.
 * Tend only reads the certificate over this connection and sends nothing else.
 */
final class RecordingTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;
    private X509Certificate[] chain;
    private CertificateException rejection;
    private CertificateException chainRejection;

    /** One of the delegate's checks, which all throw the same way. */
    @FunctionalInterface
    private interface Validation {
        void run() throws CertificateException;
    }

    RecordingTrustManager(X509ExtendedTrustManager delegate) {
        this.delegate = delegate;
    }

    X509Certificate[] chain() {
        return chain;
    }

    /** Why the certificate was refused for this connection (chain, name or algorithm), or null. */
    CertificateException rejection() {
        return rejection;
    }

    /**
     * Why the chain itself was refused, leaving the name aside, or null. Told apart from {@link #rejection()}
     * so that "not trusted" and "trusted, but for another name" get different sentences and remedies.
     */
    CertificateException chainRejection() {
        return chainRejection;
    }

    private void record(X509Certificate[] chain, String authType, Validation forThisConnection) {
        this.chain = chain;
        try {
            forThisConnection.run();
        } catch (CertificateException e) {
            rejection = e;
            try {
                delegate.checkServerTrusted(chain, authType); // without the socket: no name check
            } catch (CertificateException chainFailure) {
                chainRejection = chainFailure;
            }
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        record(chain, authType, () -> delegate.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        record(chain, authType, () -> delegate.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        record(chain, authType, () -> delegate.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("Tend never acts as a TLS server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("Tend never acts as a TLS server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("Tend never acts as a TLS server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
