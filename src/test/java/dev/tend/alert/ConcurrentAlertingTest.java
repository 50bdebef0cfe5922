package dev.tend.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.alert.AlertRules.Transition;
import dev.tend.check.CheckResult;
import dev.tend.check.Status;
import dev.tend.config.StoreSettings;
import dev.tend.registry.BuiltIn;
import dev.tend.store.Stores;
import dev.tend.testing.PostgresExtension;
import dev.tend.testing.PostgresServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two instances evaluating rounds at once on one PostgreSQL store: each alert fires once, each incident resolves. */
@ExtendWith(PostgresExtension.class)
class ConcurrentAlertingTest {

    @Test
    void twoInstancesProduceEachTransitionExactlyOnce(PostgresServer postgres) throws Exception {
        postgres.createDatabase("tend_alerting");
        var settings = new StoreSettings(Optional.of(postgres.jdbcUrl("tend_alerting")), Optional.of("postgres"), Optional.empty(), Path.of("unused.db"));
        var targets = IntStream.range(0, 20).mapToObj(i -> "  - { name: t" + i + ", type: tcp, address: \"127.0.0.1:1\" }\n").reduce("", String::concat);
        var config = BuiltIn.configLoader(name -> null).parse("platform: { name: Lab }\ntargets:\n" + targets, Path.of("tend.yaml"));
        var transitions = Collections.synchronizedList(new ArrayList<Transition>());

        try (var first = Stores.open(settings); var second = Stores.open(settings)) {
            // Both instances evaluate the same rounds at the same time: 16 bad results per alert, then 8 good ones.
            var together = Executors.newFixedThreadPool(2);
            var futures = List.of(first, second).stream().map(store -> together.submit(() -> {
                var service = new AlertService(config, store, Clock.systemUTC());
                for (int round = 0; round < 12; round++) {
                    var status = round < 8 ? Status.CRIT : Status.OK;
                    var results = IntStream.range(0, 20).mapToObj(i -> new CheckResult("t" + i, "connect", status, "t" + i + " " + status,
                            List.of(), Clock.systemUTC().instant(), Duration.ofMillis(1))).toList();
                    service.evaluate(results).stream().map(AlertService.Change::transition)
                            .filter(java.util.Objects::nonNull).forEach(transitions::add);
                }
                return null;
            })).toList();
            for (var future : futures) future.get(60, TimeUnit.SECONDS);
            together.shutdown();

            assertThat(transitions.stream().filter(t -> t == Transition.FIRED)).hasSize(20);
            assertThat(transitions.stream().filter(t -> t == Transition.RESOLVED)).hasSize(20);
            var service = new AlertService(config, first, Clock.systemUTC());
            assertThat(service.incidents(false)).isEmpty();
            assertThat(service.incidents(true)).hasSize(20);
        }
    }
}
