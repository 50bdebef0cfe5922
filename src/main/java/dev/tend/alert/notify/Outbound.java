package dev.tend.alert.notify;

import java.util.List;

/**
 * The notifications one incident event sends: to which notifiers, and the message, made once the
 * event's id (part of its idempotency key) is known. Written in the event's own transaction.
 */
public record Outbound(List<String> notifiers, Factory message, After after) {
    public static final Outbound NONE = new Outbound(List.of(), (incident, eventId) -> null);

    public Outbound(List<String> notifiers, Factory message) {
        this(notifiers, message, (handle, incident, eventId) -> { });
    }

    /** The message, once the incident's and the event's ids are known. */
    public interface Factory {
        Message make(long incident, long eventId);
    }

    /** More writes that belong to the same transaction (escalation steps scheduled, cancelled or marked sent). */
    public interface After {
        void write(org.jdbi.v3.core.Handle handle, long incident, long eventId);
    }

    /** The same notifications, with more writes in their transaction. */
    public Outbound andThen(After more) {
        return new Outbound(notifiers, message, (handle, incident, eventId) -> {
            after.write(handle, incident, eventId);
            more.write(handle, incident, eventId);
        });
    }
}
