package dev.tend.check;

import dev.tend.config.Redactor;
import dev.tend.target.Target;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every check of every target at once, each on its own virtual thread. A target's checks
 * share a small number of permits (its concurrency), and every check is abandoned at its target's
 * timeout, so a hung target delays nothing but its own results. A global limit keeps the whole
 * run within what the machine's file handles and the targets can bear.
 */
public final class CheckRunner {
    // Reasons are for people and carry no Java; the exception itself is kept here, for whoever debugs Tend.
    private static final Logger LOG = LoggerFactory.getLogger(CheckRunner.class);
    private final Clock clock;
    private final Redactor redactor;
    private final int concurrency;

    /** {@code concurrency} bounds checks in flight over all targets, so 10,000 targets cannot exhaust file handles. */
    public CheckRunner(Clock clock, Redactor redactor, int concurrency) {
        this.clock = clock;
        this.redactor = redactor;
        this.concurrency = concurrency;
    }

    /**
     * Runs all checks and returns their results in configuration order. {@code onResult} hears each
     * result as it completes, on the check's own thread (it must be thread-safe), before the
     * "(depends on ...)" notes are added: those need every result.
     */
    public List<CheckResult> run(List<Target> targets, CheckContext context, Consumer<CheckResult> onResult) {
        var executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            var pending = new ArrayList<Future<CheckResult>>();
            var inFlight = new Semaphore(concurrency);
            for (var target : targets) {
                var gate = new TargetGate(target.settings().concurrency());
                for (var check : checksOf(target, context)) {
                    pending.add(executor.submit(() -> {
                        var result = runGuarded(target, check, gate, inFlight, executor);
                        onResult.accept(result);
                        return result;
                    }));
                }
            }
            var results = new ArrayList<CheckResult>();
            for (var future : pending) results.add(await(future));
            return Dependencies.annotate(targets, results);
        } finally {
            // Not close(): that would wait for abandoned probes still unwinding after their timeout.
            executor.shutdown();
        }
    }

    /** The target's checks; a target that cannot even list them gets one check that says so. */
    private static List<Check> checksOf(Target target, CheckContext context) {
        try {
            return target.checks(context);
        } catch (RuntimeException e) {
            return List.of(new Check() {
                @Override
                public String name() {
                    return "setup";
                }

                @Override
                public Verdict run(Duration timeout) {
                    throw new UnexpectedAnswerException("could not prepare the checks: " + Failures.describe(e));
                }
            });
        }
    }

    /** A fault in Tend itself (a check returning nothing, say) costs that one result, never the run. */
    private CheckResult runGuarded(Target target, Check check, TargetGate gate, Semaphore inFlight, ExecutorService executor)
            throws InterruptedException {
        try {
            return runOne(target, check, gate, inFlight, executor);
        } catch (RuntimeException | LinkageError e) {
            var name = safeName(check);
            LOG.debug("check {} of {} failed inside Tend", name, target.name(), e);
            return new CheckResult(target.name(), name, Status.UNKNOWN,
                    Text.printable(redactor.redact("the check failed inside Tend: " + Failures.describe(e))), List.of(),
                    clock.instant(), Duration.ZERO);
        }
    }

    private static String safeName(Check check) {
        try {
            return check.name();
        } catch (RuntimeException e) {
            return "unnamed";
        }
    }

    private CheckResult runOne(Target target, Check check, TargetGate gate, Semaphore inFlight, ExecutorService executor)
            throws InterruptedException {
        var timeout = target.settings().timeout();
        // Always target first, then global: one fixed order, so no two checks can wait on each other.
        gate.enter();
        try {
            if (gate.hungFor() != null) {
                return result(target, check, clock.instant(), Duration.ZERO, Verdict.builder().crit("not run: "
                        + target.name() + " left another check unanswered for " + human(gate.hungFor())));
            }
            inFlight.acquire();
            try {
                return probe(target, check, timeout, gate, executor);
            } finally {
                inFlight.release();
            }
        } finally {
            gate.leave();
        }
    }

    private CheckResult probe(Target target, Check check, Duration timeout, TargetGate gate, ExecutorService executor)
            throws InterruptedException {
        var startedAt = clock.instant();
        long start = System.nanoTime();
        Future<Verdict> probe = executor.submit(() -> check.run(timeout));
        Verdict verdict;
        try {
            verdict = probe.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            probe.cancel(true);
            gate.markHung(timeout);
            verdict = Verdict.builder().crit("no answer within " + human(timeout) + " (the check's timeout)");
        } catch (ExecutionException e) {
            var failure = e.getCause();
            LOG.debug("check {} of {} failed", check.name(), target.name(), failure);
            if (Failures.isTimeout(failure)) gate.markHung(timeout); // the driver's own read timeout, same verdict
            verdict = Failures.isOwnFault(failure)
                    ? Verdict.builder().verdict(Status.UNKNOWN, "the check could not judge the answer: " + Failures.describe(failure))
                    : Verdict.builder().crit(Failures.describe(failure));
        }
        return result(target, check, startedAt, Duration.ofNanos(System.nanoTime() - start), verdict);
    }

    private CheckResult result(Target target, Check check, java.time.Instant startedAt, Duration duration, Verdict verdict) {
        return new CheckResult(target.name(), check.name(), verdict.status(), Text.printable(redactor.redact(verdict.reason())),
                verdict.measurements(), startedAt, duration);
    }

    private static CheckResult await(Future<CheckResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for checks", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("check runner failed", e.getCause());
        }
    }

    private static String human(Duration timeout) {
        return Units.duration(timeout);
    }
}
