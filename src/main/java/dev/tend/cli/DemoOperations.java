package dev.tend.cli;

import dev.tend.action.ActionContext;
import dev.tend.action.ActionType;
import dev.tend.action.Operation;
import dev.tend.action.Outcome;
import dev.tend.config.TendConfig;
import dev.tend.registry.BuiltIn;
import dev.tend.runbook.RunbookRunner;
import dev.tend.runbook.RunbooksSection;
import dev.tend.schedule.WindowsSection;
import dev.tend.store.Database;
import java.io.PrintWriter;
import java.util.Set;

/**
 * The demo's operations: the weekly Redis cleanup (expire-scan, then BGSAVE), and a hotfix
 * runbook that puts the platform in maintenance mode around its disruptive command, turns it off,
 * and load-tests the API after it.
 */
final class DemoOperations {
    private DemoOperations() {}

    /** The API's cache: 2,000 entries, 600 of them already expired (Redis deletes such keys only when something touches them). */
    private static void seedCache(TendConfig config) {
        var redis = (dev.tend.redis.RedisTarget) dev.tend.target.TargetsSection.named(config, "redis").orElseThrow();
        try (var jedis = dev.tend.redis.RedisConnector.open(redis, java.time.Duration.ofSeconds(5))) {
            var pipeline = jedis.pipelined();
            for (int i = 0; i < 2000; i++) {
                if (i % 10 < 3) pipeline.psetex("cache:molecule:" + i, 1, "{}"); else pipeline.set("cache:molecule:" + i, "{}");
            }
            pipeline.sync();
        }
    }

    static void show(TendConfig config, Database store, Main.Environment environment, PrintWriter out) {
        var lookup = ActionType.Lookup.of(BuiltIn.actions(), config, Set.of());
        var context = new ActionContext(config, store, environment.clock(), environment.variables(), WindowsSection.calendar(config));
        seedCache(config);
        out.println();
        out.println("Operations (tend run redis.expire-scan redis; tend run redis.bgsave redis):");
        for (var text : new String[] {"redis.expire-scan redis", "redis.bgsave redis"}) {
            var action = lookup.parse(text);
            var outcome = Outcome.execute((Operation) action, context, false);
            TaskOutput.print(outcome, action.impact(), false, out);
        }
        out.println();
        out.println("A hotfix runbook (tend runbook run hotfix): maintenance mode around its disruptive command, a load test after:");
        var runner = new RunbookRunner(config, store, environment.clock(), environment.variables(), line -> out.println("  " + line));
        var run = runner.start(RunbooksSection.named(config, "hotfix").orElseThrow(), "demo");
        out.println("  run " + run.id() + ": " + run.state() + " (tend runbook show " + run.id() + ")");
        new dev.tend.runbook.MaintenanceRuns(store).events(run.id()).stream()
                .filter(event -> event.kind() == dev.tend.runbook.MaintenanceEvent.Kind.STEP_SUCCEEDED || event.kind() == dev.tend.runbook.MaintenanceEvent.Kind.STEP_FAILED)
                .forEach(event -> out.println("  " + event.step() + ": " + event.detail()));
    }
}
