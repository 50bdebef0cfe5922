package dev.tend.check.tls;

import dev.tend.check.Check;
import dev.tend.check.Status;
import dev.tend.check.Text;
import dev.tend.check.Verdict;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/** Handshake, then judge the certificate: trusted chain, matching name, days until expiry. */
final class TlsCertificateCheck implements Check {
    private final TlsTarget target;
    private final Clock clock;

    TlsCertificateCheck(TlsTarget target, Clock clock) {
        this.target = target;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "certificate";
    }

    @Override
    public Verdict run(Duration timeout) throws Exception {
        var recorder = new RecordingTrustManager(target.trust());
        var context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {recorder}, null);
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (var plain = new Socket()) {
            plain.connect(target.address().socketAddress(), millis);
            plain.setSoTimeout(millis);
            var hostname = target.serverName().orElse(target.address().host());
            try (var socket = (SSLSocket) context.getSocketFactory().createSocket(plain, hostname, target.address().port(), false)) {
                var parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the name must match, as browsers require
                if (!isIpLiteral(hostname)) parameters.setServerNames(List.of(new SNIHostName(hostname)));
                socket.setSSLParameters(parameters);
                socket.startHandshake();
            }
        }
        return judge(recorder);
    }

    private Verdict judge(RecordingTrustManager recorder) {
        var chain = recorder.chain();
        if (chain == null || chain.length == 0) {
            return Verdict.builder().crit(target.address() + " completed a handshake without presenting a certificate");
        }
        var leaf = chain[0];
        var expires = leaf.getNotAfter().toInstant();
        long daysLeft = Duration.between(clock.instant(), expires).toDays();
        var expiryDate = LocalDate.ofInstant(expires, ZoneOffset.UTC);
        var verdict = Verdict.builder()
                .measure("days_left", daysLeft, "days")
                .measure("chain_length", chain.length, "count")
                .measure("chain_valid", recorder.rejection() == null ? 1 : 0, "bool");
        var subject = leaf.getSubjectX500Principal().getName();
        if (recorder.rejection() != null) {
            return verdict.crit("certificate of " + target.address() + " is not trusted (" + Text.firstLine(recorder.rejection().getMessage())
                    + "); checked against " + target.trustSource() + "; expires " + expiryDate);
        }
        if (daysLeft < 0) {
            return verdict.crit("certificate " + subject + " expired on " + expiryDate);
        }
        var status = target.daysLeft().gradeLow(daysLeft);
        var reason = "certificate " + subject + " expires " + expiryDate + " (in " + daysLeft + " days), chain trusted";
        if (status != Status.OK) {
            reason += "; renew it: under the " + Math.round(status == Status.CRIT ? target.daysLeft().crit() : target.daysLeft().warn())
                    + "-day threshold";
        }
        return verdict.verdict(status, reason);
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
