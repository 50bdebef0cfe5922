package dev.tend.web;

import dev.tend.config.TendConfig;
import dev.tend.store.Database;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * What the routes read and call: the same config, store, clock and environment (for the steps a
 * signed runbook goes on with) as the rest of tend serve, and its log.
 */
public record WebContext(TendConfig config, Database store, Clock clock, Consumer<String> log, java.util.function.Function<String, String> environment) {

    public WebContext(TendConfig config, Database store, Clock clock) {
        this(config, store, clock, line -> { }, name -> null);
    }
}
