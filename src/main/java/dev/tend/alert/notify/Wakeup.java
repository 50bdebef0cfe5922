package dev.tend.alert.notify;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A nudge for the delivery loop: this process just did work that may have written to the outbox
 * (a check round, a scheduled run), so deliver now rather than at the end of the poll interval.
 * The poll stays for what other instances write.
 */
public final class Wakeup {
    private final Semaphore signal = new Semaphore(0);

    public void wake() {
        if (signal.availablePermits() == 0) signal.release();
    }

    /**
     * Waits until woken or {@code interval} passed; wakes that came meanwhile are all answered by
     * the pass that follows. Returns whether it was woken.
     */
    public boolean await(Duration interval) throws InterruptedException {
        boolean woken = signal.tryAcquire(interval.toNanos(), TimeUnit.NANOSECONDS);
        signal.drainPermits();
        return woken;
    }
}
