package dev.tend.check.tls;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the reader of a certificate problem can do, in the words of the target's own config: a
 * {@code tls} target trusts a CA through {@code ca:} and names the host with {@code serverName:};
 * an {@code http} target has neither and trusts the system trust store only.
 *
 * @param source what the chain was checked against, e.g. "the system trust store"
 * @param trustIt how to trust a certificate, with {@code %s} for which one ("its PEM")
 * @param useName how to ask for one of the names the certificate holds
 */
public record Remedies(String source, String trustIt, String useName) {

    static Remedies forTls(Optional<Path> ca) {
        return ca.map(pem -> new Remedies(pem.toString(), "add %s to " + pem + " (the target's `ca:`) to trust it",
                        "set `serverName:` to one of them"))
                .orElseGet(() -> new Remedies("the system trust store", "add `ca:` with %s to trust it", "set `serverName:` to one of them"));
    }

    static Remedies forHttp() {
        // An http target has no ca: of its own: the remedy is the Java trust store, or a tls target beside it.
        return new Remedies("the system trust store", "add %s to the trust store of the Java running Tend "
                + "(keytool -importcert -cacerts), or watch this endpoint with a tls target and its `ca:`",
                "request a URL with one of them");
    }

    String trust(String what) {
        return trustIt.formatted(what);
    }
}
