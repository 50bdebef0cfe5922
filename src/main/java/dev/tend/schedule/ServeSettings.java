package dev.tend.schedule;

import dev.tend.config.spec.DurationSpec;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.Fields;
import dev.tend.config.spec.NumberSpec;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.target.Address;
import dev.tend.target.AddressSpec;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.StringSpec;
import java.time.Duration;
import java.util.List;

/**
 * How {@code tend serve} runs: how often it looks for due work, how often it proves it is alive
 * (an instance silent for four heartbeats is presumed dead and its work taken over), how many
 * runs at once.
 */
public record ServeSettings(Duration pollInterval, Duration heartbeat, int threads, Address listen, List<String> trustedProxies) {
    public static final int MISSED_HEARTBEATS = 4;
    /** An IPv4 or IPv6 literal: never a name, so comparing addresses never asks DNS. */
    public static final String IP_LITERAL = "[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*";

    public static Field field() {
        return Field.withDefault("serve", ObjectSpec.of("how tend serve runs the schedules",
                Field.withDefault("pollInterval", DurationSpec.between(Duration.ofMillis(50), Duration.ofMinutes(10)), "250ms",
                        "how often it looks for due runs (bounds how late a run starts)"),
                Field.withDefault("heartbeat", DurationSpec.between(Duration.ofMillis(500), Duration.ofMinutes(10)), "4s",
                        "how often a running instance proves it is alive; after 4 missed, its runs are taken over"),
                Field.withDefault("threads", NumberSpec.whole(1, 64), "4", "runs at once per instance"),
                Field.withDefault("listen", new AddressSpec(true), "127.0.0.1:8484",
                        "where the UI, status page, API and /metrics listen (HOST:PORT; port 0 takes any free port); tend serve --listen overrides it"),
                Field.withDefault("trustedProxies", ListSpec.of(StringSpec.matching(IP_LITERAL, "an IPv4 or IPv6 address such as 127.0.0.1")).withoutRepeats(), "[]",
                        "addresses of the proxies in front of tend serve whose X-Forwarded-For is believed (audit log, login throttling)")),
                "{}", "serve: {pollInterval: 250ms, heartbeat: 4s, threads: 4, listen: \"127.0.0.1:8484\"}");
    }

    public static ServeSettings read(Fields serve) {
        return new ServeSettings(serve.duration("pollInterval"), serve.duration("heartbeat"), (int) serve.whole("threads"), serve.value("listen"),
                serve.has("trustedProxies") ? List.copyOf(serve.<String>list("trustedProxies")) : List.of());
    }

    /** How long a silent instance is given before its runs count as interrupted. */
    public Duration deadAfter() {
        return heartbeat.multipliedBy(MISSED_HEARTBEATS);
    }
}
