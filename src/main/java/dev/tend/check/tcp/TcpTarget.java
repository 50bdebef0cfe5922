package dev.tend.check.tcp;

import dev.tend.check.Check;
import dev.tend.check.CheckContext;
import dev.tend.check.Verdict;
import dev.tend.target.Address;
import dev.tend.target.Target;
import dev.tend.target.TargetSettings;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

/** A TCP port that must accept connections. */
public record TcpTarget(TargetSettings settings, Address address) implements Target {

    @Override
    public List<Check> checks(CheckContext context) {
        return List.of(new Check() {
            @Override
            public String name() {
                return "connect";
            }

            @Override
            public Verdict run(Duration timeout) throws Exception {
                long start = System.nanoTime();
                try (var socket = new Socket()) {
                    socket.connect(address.socketAddress(), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
                }
                double millis = (System.nanoTime() - start) / 1e6;
                return Verdict.builder().measure("latency", millis, "ms")
                        .ok(address + " accepted a connection in " + Math.round(millis) + " ms");
            }
        });
    }
}
