package dev.tend.action;

import dev.tend.config.TendConfig;
import dev.tend.store.Database;
import dev.tend.window.MaintenanceWindows;
import java.time.Clock;
import java.util.function.Function;

/**
 * What an action needs to run: the configuration, the store for its evidence, time, the
 * environment, and the maintenance windows its disruptive work asks (given here, so actions need
 * not know the calendar that implements them).
 */
public record ActionContext(TendConfig config, Database store, Clock clock, Function<String, String> environment, MaintenanceWindows windows) {}
