package dev.tend.schedule.action;

import dev.tend.config.TendConfig;
import dev.tend.store.Database;
import java.time.Clock;
import java.util.function.Function;

/** What an action needs to run: the configuration, the store for its evidence, time, the environment. */
public record ActionContext(TendConfig config, Database store, Clock clock, Function<String, String> environment) {}
