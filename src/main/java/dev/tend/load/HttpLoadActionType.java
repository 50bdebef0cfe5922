package dev.tend.load;

import dev.tend.action.Action;
import dev.tend.action.ActionContext;
import dev.tend.action.ActionType;
import dev.tend.action.Arguments;
import dev.tend.action.Outcome;
import dev.tend.action.TargetOperation;
import dev.tend.check.Measurement;
import dev.tend.check.Units;
import dev.tend.check.http.HttpTarget;
import dev.tend.task.Impact;
import dev.tend.task.TaskOutcome;
import dev.tend.task.TaskOutcomes;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code http.load TARGET [--requests 100] [--concurrency 10] [--path /x] [--keep-alive]
 * [--margin 50]}: the runbooks' {@code ab -n 100 -c 10} after maintenance, measured as ab measures
 * and compared with the previous run of the same load: it fails on errors, and when p95 grew by
 * more than the margin (in %, and by more than {@value #NOISE_MILLIS} ms, below which loopback
 * jitter is not a regression).
 */
public final class HttpLoadActionType implements ActionType {
    private static final String NAME = "http.load";
    static final double NOISE_MILLIS = 5;

    @Override
    public List<String> names() {
        return List.of(NAME);
    }

    @Override
    public String usage(String name) {
        return NAME + " HTTP-TARGET [--requests 100] [--concurrency 10] [--path /health] [--keep-alive] [--margin 50] [--timeout 5m]";
    }

    @Override
    public Action parse(String name, List<String> words, Lookup lookup) {
        var arguments = Arguments.read(NAME, usage(name), words, Set.of("--keep-alive"), Set.of("--requests", "--concurrency", "--path", "--margin", "--timeout"));
        arguments.positional(1);
        var http = arguments.target(0, lookup, HttpTarget.class, "http");
        var path = arguments.option("--path");
        if (path.isPresent() && !path.get().startsWith("/")) throw arguments.problem("--path must start with /, e.g. /api/health");
        int requests = (int) arguments.whole("--requests", 100, 1, 1_000_000);
        int concurrency = (int) arguments.whole("--concurrency", 10, 1, 1_000);
        return new Load(http, requests, concurrency, path, arguments.flag("--keep-alive"), arguments.whole("--margin", 50, 0, 10_000),
                arguments.duration("--timeout", Duration.ofMinutes(5)));
    }

    private record Load(HttpTarget target, int requests, int concurrency, Optional<String> path, boolean keepAlive, long margin, Duration timeout)
            implements TargetOperation {
        @Override
        public String action() {
            return NAME;
        }

        @Override
        public String options() {
            return " --requests " + requests + " --concurrency " + concurrency + path.map(p -> " --path " + p).orElse("") + (keepAlive ? " --keep-alive" : "");
        }

        @Override
        public Impact impact() {
            return Impact.ONLINE;
        }

        @Override
        public void perform(ActionContext context, Outcome outcome) throws Exception {
            var url = path.map(p -> target.url().resolve(p)).orElse(target.url());
            // The same load on the same URL is what a run is compared with.
            var what = url + " n=" + requests + " c=" + concurrency + (keepAlive ? " keep-alive" : "");
            outcome.object(what);
            var previous = new TaskOutcomes(context.store()).recent(target.name(), 50).stream()
                    .filter(earlier -> earlier.task().equals(NAME) && earlier.object().equals(what) && !earlier.dryRun()
                            && earlier.result() == TaskOutcome.Result.SUCCEEDED).findFirst();
            previous.ifPresent(earlier -> earlier.after().stream().filter(m -> m.name().equals("p95") || m.name().equals("requests_per_second"))
                    .forEach(outcome::before));
            if (outcome.dryRun()) {
                outcome.step("GET " + url + " × " + requests + ", " + concurrency + " at a time" + (keepAlive ? ", connections kept alive" : ""));
                outcome.plan("would send " + requests + " requests at concurrency " + concurrency + " to " + url
                        + previous.map(earlier -> " and compare with the run of " + earlier.startedAt()).orElse(""));
                return;
            }
            var result = LoadGenerator.run(url, requests, concurrency, keepAlive, target.settings().timeout(), timeout);
            if (result.answered() == 0) {
                outcome.after(new Measurement("errors", result.failures(), "requests"));
                outcome.step("no answer: " + result.failures() + " (first: " + result.firstFailure() + ")");
                outcome.fail("no request was answered (" + result.firstFailure() + ")");
                return;
            }
            var p95 = result.percentileMillis(95);
            outcome.after(new Measurement("requests_per_second", result.requestsPerSecond(), "req/s"))
                    .after(new Measurement("p50", result.percentileMillis(50), "ms")).after(new Measurement("p95", p95, "ms"))
                    .after(new Measurement("p99", result.percentileMillis(99), "ms")).after(new Measurement("max", result.percentileMillis(100), "ms"))
                    .after(new Measurement("errors", result.errors(), "requests"));
            var figures = String.format(Locale.ROOT, "%.1f req/s; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", result.requestsPerSecond(),
                    result.percentileMillis(50), p95, result.percentileMillis(99), result.percentileMillis(100));
            outcome.step(result.answered() + " of " + requests + " answered in " + String.format(Locale.ROOT, "%.2f s", result.wall().toNanos() / 1e9)
                    + ": " + figures);
            outcome.step("statuses: " + new TreeMap<>(result.statuses()) + (result.failures() > 0 ? "; no answer: " + result.failures()
                    + " (first: " + result.firstFailure() + ")" : ""));
            int sent = result.answered() + result.failures();
            if (sent < requests) {
                outcome.fail("stopped at the " + Units.age(timeout) + " bound after " + sent + " of " + requests + " requests; " + figures);
                return;
            }
            if (result.errors() > 0) {
                outcome.fail(result.errors() + " of " + requests + " requests failed" + (result.failures() > 0 ? " (" + result.firstFailure() + ")" : "")
                        + "; " + figures);
                return;
            }
            if (previous.isPresent()) {
                var before = previous.get().after().stream().filter(m -> m.name().equals("p95")).findFirst();
                if (before.isPresent()) {
                    double was = before.get().value();
                    var change = String.format(Locale.ROOT, "p95 %.1f ms → %.1f ms (%+.0f%%) since %s", was, p95, was == 0 ? 0 : (p95 - was) / was * 100,
                            previous.get().startedAt());
                    outcome.step(change);
                    if (p95 > was * (1 + margin / 100.0) && p95 - was > NOISE_MILLIS) {
                        outcome.fail("slower than before beyond the " + margin + "% margin: " + change);
                        return;
                    }
                }
            }
            outcome.succeed(figures + ", no errors");
        }
    }
}
