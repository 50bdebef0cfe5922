package dev.tend.alert.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One delivery channel (webhook, email, Slack, PagerDuty, Alertmanager, a command). Never throws for a down endpoint. */
public interface Notifier {
    String name();

    /** "webhook https://hooks.example.com/…", for output; never a secret. */
    String describe();

    /** Whether it may tell users of maintenance (announcements:); a pager (PagerDuty, Alertmanager) may not. */
    default boolean announces() {
        return true;
    }

    /** The longest one attempt may take (its timeout, or the sum of its steps'): a delivery's claim is held at least this long. */
    Duration attemptBound();

    /**
     * How often a firing incident is told again while it stays open, for far ends that forget an
     * alert nobody repeats (Alertmanager's endsAt); empty for those that keep it until resolved.
     */
    default Optional<Duration> refreshEvery() {
        return Optional.empty();
    }

    /** The maintenance windows it mirrors (as Alertmanager silences): each opening is sent to it as {@link Message#SILENCE}. */
    default java.util.List<String> mirroredWindows() {
        return java.util.List.of();
    }

    /** One attempt; {@code now} is the sending time (signatures and timestamps use it, so a retry is not stale). */
    Delivery send(Message message, Instant now);
}
