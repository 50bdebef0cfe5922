package dev.tend.check;

import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * How many checks may probe one target at once, and whether the target has already left a check
 * unanswered. Once it has, its waiting checks give up at once instead of each waiting out a
 * timeout of their own: a hung target costs one timeout, not one per check.
 */
final class TargetGate {
    private final Semaphore permits;
    private volatile Duration hungFor;

    TargetGate(int concurrency) {
        this.permits = new Semaphore(concurrency);
    }

    void enter() throws InterruptedException {
        permits.acquire();
    }

    void leave() {
        permits.release();
    }

    /** Marks the target as not answering: a check of it ran out its whole timeout. */
    void markHung(Duration timeout) {
        hungFor = timeout;
    }

    /** The timeout another check of this target ran out, or null while none has. */
    Duration hungFor() {
        return hungFor;
    }
}
