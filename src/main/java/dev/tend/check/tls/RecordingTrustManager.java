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

    RecordingTrustManager(X509ExtendedTrustManager delegate) {
        this.delegate = delegate;
    }

    X509Certificate[] chain() {
        return chain;
    }

    CertificateException rejection() {
        return rejection;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        this.chain = chain;
        try {
            delegate.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            rejection = e;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        this.chain = chain;
        try {
            delegate.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            rejection = e;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        this.chain = chain;
        try {
            delegate.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            rejection = e;
        }
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
