package dev.tend.check.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** Trust managers: the JDK's default roots, or the CA certificates of a PEM file. */
final class TrustStores {
    private TrustStores() {}

    static X509ExtendedTrustManager system() throws GeneralSecurityException {
        return from(null);
    }

    static X509ExtendedTrustManager fromPem(Path pem) throws IOException, GeneralSecurityException {
        var keyStore = KeyStore.getInstance(KeyStore.getDefaultType());
        keyStore.load(null, null);
        int index = 0;
        try (InputStream in = Files.newInputStream(pem)) {
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                keyStore.setCertificateEntry("ca-" + index++, (X509Certificate) certificate);
            }
        }
        if (index == 0) throw new GeneralSecurityException("no certificate in " + pem);
        return from(keyStore);
    }

    private static X509ExtendedTrustManager from(KeyStore keyStore) throws GeneralSecurityException {
        var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(keyStore);
        for (var manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) return extended;
        }
        throw new GeneralSecurityException("no X.509 trust manager available");
    }
}
