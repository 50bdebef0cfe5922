package dev.tend.alert.notify;

import java.util.List;

/**
 * The notifications one incident event sends: to which notifiers, and the message, made once the
 * event's id (part of its idempotency key) is known. Written in the event's own transaction.
 */
public record Outbound(List<String> notifiers, Factory message) {
    public static final Outbound NONE = new Outbound(List.of(), (incident, eventId) -> null);

    /** The message, once the incident's and the event's ids are known. */
    public interface Factory {
        Message make(long incident, long eventId);
    }
}
