package dev.tend.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** X-Forwarded-For is believed only as far as trusted proxies vouch for it. */
class ClientAddressTest {
    private static final List<String> PROXY = List.of("127.0.0.1", "::1");

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertThat(ClientAddress.of("127.0.0.1", "198.51.100.7", List.of())).isEqualTo("127.0.0.1");
        assertThat(ClientAddress.of("192.0.2.10", "198.51.100.7", PROXY)).as("the peer is no proxy of ours").isEqualTo("192.0.2.10");
    }

    @Test
    void theNearestUntrustedHopIsTheClientSoAClientCannotClaimAnAddress() {
        assertThat(ClientAddress.of("127.0.0.1", "198.51.100.7", PROXY)).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.of("127.0.0.1", "10.9.9.9, 198.51.100.7", PROXY)).as("the client's own claim on the left").isEqualTo("198.51.100.7");
        assertThat(ClientAddress.of("0:0:0:0:0:0:0:1", "198.51.100.7, 127.0.0.1", PROXY)).as("two proxies of ours, IPv6 spelled long").isEqualTo("198.51.100.7");
        assertThat(ClientAddress.of("127.0.0.1", "evil.example, 198.51.100.7", PROXY)).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.of("127.0.0.1", "198.51.100.7, unknown", PROXY)).as("garbage from the proxy: the proxy itself").isEqualTo("127.0.0.1");
    }
}
