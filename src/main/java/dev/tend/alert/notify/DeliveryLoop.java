package dev.tend.alert.notify;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * tend serve's delivery: pages what time alone changed (escalation levels due, windows ended), then passes over the outbox,
 * as long as there is work, then waits a poll interval. Several instances may run it on one
 * store; each escalation step and each notification is claimed by one.
 */
public final class DeliveryLoop implements AutoCloseable {
    private final Deliverer deliverer;
    private final IntSupplier tick;
    private final Duration interval;
    private final Consumer<String> log;
    private final Thread thread;
    private final Wakeup wakeup;
    private volatile boolean stopping;
    /** How long a stop waits for the attempt in flight: each is bounded by its notifier's timeout. */
    private static final Duration GRACE = Duration.ofSeconds(10);

    /** @param tick what time alone changes (expired acknowledgements, ended windows, escalation levels due), before each delivery pass; returns how many */
    public DeliveryLoop(Deliverer deliverer, IntSupplier tick, Duration interval, Consumer<String> log) {
        this(deliverer, tick, interval, new Wakeup(), log);
    }

    /** @param wakeup woken by this process's own work, so what it wrote is delivered at once rather than at the next poll */
    public DeliveryLoop(Deliverer deliverer, IntSupplier tick, Duration interval, Wakeup wakeup, Consumer<String> log) {
        this.deliverer = deliverer;
        this.tick = tick;
        this.interval = interval;
        this.wakeup = wakeup;
        this.log = log;
        this.thread = Thread.ofPlatform().daemon().name("tend-delivery").unstarted(this::loop);
    }

    public void start() {
        thread.start();
    }

    private void loop() {
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            try {
                int changed = tick.getAsInt();
                if (deliverer.deliverDue(50).idle() && changed == 0) wakeup.await(interval);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The store may be briefly away: say so, wait, go on; nothing is lost, the outbox keeps it.
                log.accept("delivery: " + dev.tend.check.Failures.describe(e) + "; trying again in " + interval.toMillis() + " ms");
                try {
                    Thread.sleep(interval);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        // Let the attempt in flight finish and be settled as what it was; interrupt only one that hangs on.
        stopping = true;
        wakeup.wake();
        try {
            if (thread.join(GRACE)) return;
            thread.interrupt();
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
