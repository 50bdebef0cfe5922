package dev.tend.alert.notify;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * tend serve's delivery: sends the escalation levels that came due, then passes over the outbox,
 * as long as there is work, then waits a poll interval. Several instances may run it on one
 * store; each escalation step and each notification is claimed by one.
 */
public final class DeliveryLoop implements AutoCloseable {
    private final Deliverer deliverer;
    private final IntSupplier escalate;
    private final Duration interval;
    private final Consumer<String> log;
    private final Thread thread;

    /** @param escalate sends the escalation levels that came due, before each delivery pass; returns how many */
    public DeliveryLoop(Deliverer deliverer, IntSupplier escalate, Duration interval, Consumer<String> log) {
        this.deliverer = deliverer;
        this.escalate = escalate;
        this.interval = interval;
        this.log = log;
        this.thread = Thread.ofPlatform().daemon().name("tend-delivery").unstarted(this::loop);
    }

    public void start() {
        thread.start();
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                int escalated = escalate.getAsInt();
                if (deliverer.deliverDue(50).idle() && escalated == 0) Thread.sleep(interval);
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
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
