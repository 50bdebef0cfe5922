package dev.tend.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * The figures of one run, shared by its event loops (or https's threads): which request comes next, each answered
 * request's time and status, and what failed. Statuses are counted without boxing; a request's slot
 * is written by the one loop that took its index.
 */
final class LoadTally {
    private final int requests;
    private final long deadline;
    private final long[] latencies;
    private final boolean[] answered;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLongArray statuses = new AtomicLongArray(600);
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    LoadTally(int requests, Duration bound) {
        this.requests = requests;
        // Compared by difference (overflow-safe); a bound past a century is no bound.
        this.deadline = System.nanoTime() + (bound.getSeconds() > 100L * 365 * 86_400 ? Long.MAX_VALUE / 4 : bound.toNanos());
        this.latencies = new long[requests];
        this.answered = new boolean[requests];
    }

    /** The index of the next request to send, or -1 when all are taken or the run's bound has passed. */
    int take() {
        if (System.nanoTime() - deadline >= 0) return -1;
        int index = next.getAndIncrement();
        return index < requests ? index : -1;
    }

    boolean pastBound(long now) {
        return now - deadline > 0;
    }

    void answered(int index, long nanos, int status) {
        latencies[index] = nanos;
        answered[index] = true;
        statuses.incrementAndGet(Math.min(599, Math.max(0, status)));
    }

    void failed(String why) {
        failures.incrementAndGet();
        firstFailure.compareAndSet(null, why);
    }

    /** A failure of the machinery rather than of a request (the loop itself broke). */
    void broken(String why) {
        firstFailure.compareAndSet(null, why);
    }

    /** A loop that broke with {@code inFlight} requests sent and now never answered: each a failure, and why. */
    void loopBroke(String why, int inFlight) {
        broken("the event loop failed: " + why);
        for (int request = 0; request < inFlight; request++) failed("the event loop failed: " + why);
    }

    /** How a request that outlived its timeout is reported. */
    static String noAnswerWithin(long timeoutNanos) {
        return "no answer within " + timeoutNanos / 1_000_000 + " ms";
    }

    /**
     * Runs {@code loop} on one platform thread per two cores (at least one), each given its share of
     * the connections, and gathers the figures once all have ended.
     */
    LoadResult drive(int concurrency, IntConsumer loop) throws InterruptedException {
        int connections = Math.min(concurrency, requests);
        int loops = Math.max(1, Math.min(connections, Runtime.getRuntime().availableProcessors() / 2));
        var threads = new ArrayList<Thread>();
        long start = System.nanoTime();
        for (int index = 0; index < loops; index++) {
            int share = connections / loops + (index < connections % loops ? 1 : 0);
            threads.add(Thread.ofPlatform().daemon().name("tend-load-loop-" + index)
                    // A loop that breaks says so in the result instead of vanishing with its requests.
                    .uncaughtExceptionHandler((thread, e) -> loopBroke(e.toString(), 0))
                    .start(() -> loop.accept(share)));
        }
        for (var thread : threads) thread.join();
        return result(Duration.ofNanos(System.nanoTime() - start));
    }

    /** The figures gathered, once every request has ended; {@code wall} is the run's time. */
    LoadResult result(Duration wall) {
        int count = 0;
        for (boolean got : answered) if (got) count++;
        var kept = new long[count];
        for (int i = 0, k = 0; i < requests; i++) if (answered[i]) kept[k++] = latencies[i];
        Map<Integer, Integer> byStatus = new HashMap<>();
        for (int status = 0; status < statuses.length(); status++) {
            if (statuses.get(status) > 0) byStatus.put(status, (int) statuses.get(status));
        }
        return new LoadResult(kept, wall, Map.copyOf(byStatus), failures.get(), firstFailure.get());
    }
}
