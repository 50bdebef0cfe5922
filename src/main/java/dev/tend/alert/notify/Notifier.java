package dev.tend.alert.notify;

import java.time.Instant;

/** One delivery channel (webhook, email, Slack, PagerDuty, Alertmanager, a command). Never throws for a down endpoint. */
public interface Notifier {
    String name();

    /** "webhook https://hooks.example.com/…", for output; never a secret. */
    String describe();

    /** Whether it may tell users of maintenance (announcements:); a pager (PagerDuty, Alertmanager) may not. */
    default boolean announces() {
        return true;
    }

    /** One attempt; {@code now} is the sending time (signatures and timestamps use it, so a retry is not stale). */
    Delivery send(Message message, Instant now);
}
