package dev.tend.check.tcp;

import static dev.tend.check.RunChecks.oneTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.check.RunChecks;
import dev.tend.check.Status;
import dev.tend.testing.FreePorts;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class TcpCheckTest {

    @Test
    void aListeningPortIsOkAndAClosedOneCritical() throws Exception {
        try (var listening = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            var open = RunChecks.run(oneTarget("name: port, type: tcp, address: \"127.0.0.1:" + listening.getLocalPort() + "\"")).get(0);
            var closed = RunChecks.run(oneTarget("name: port, type: tcp, address: \"127.0.0.1:" + FreePorts.next() + "\"")).get(0);

            assertThat(open.status()).isEqualTo(Status.OK);
            assertThat(open.reason()).startsWith("127.0.0.1:" + listening.getLocalPort() + " accepted a connection in ");
            assertThat(closed.status()).isEqualTo(Status.CRIT);
            assertThat(closed.reason()).startsWith("connection refused");
        }
    }
}
