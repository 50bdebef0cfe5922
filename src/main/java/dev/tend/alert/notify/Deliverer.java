package dev.tend.alert.notify;

import dev.tend.config.Redactor;
import dev.tend.config.TendConfig;
import dev.tend.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Delivers what the outbox holds: claims due notifications, sends each once, and settles it —
 * delivered; retried with backoff (10 s, 30 s, 90 s … up to 15 min, or the far end's Retry-After);
 * or, when refused or still failing after {@value #MAX_ATTEMPTS} attempts, dead, which is itself
 * told to every other notifier. Answers are redacted before they are stored or printed.
 */
public final class Deliverer {
    static final int MAX_ATTEMPTS = 8;
    /** How long a claim holds what it has not sent yet; renewed while the deliverer lives, so a dead one's rows come free soon. */
    static final Duration LEASE = Duration.ofSeconds(20);

    private final Outbox outbox;
    private final Map<String, Notifier> notifiers;
    private final Clock clock;
    private final Redactor redactor;
    private final Consumer<String> log;
    private final java.util.Set<String> usersOnly;

    public Deliverer(Database database, Map<String, Notifier> notifiers, Clock clock, Redactor redactor, Consumer<String> log) {
        this(database, notifiers, java.util.Set.of(), clock, redactor, log);
    }

    /** @param usersOnly the announcement notifiers: a dead letter is on-call's business, never told to them */
    public Deliverer(Database database, Map<String, Notifier> notifiers, java.util.Set<String> usersOnly, Clock clock, Redactor redactor,
            Consumer<String> log) {
        this.outbox = new Outbox(database);
        this.notifiers = notifiers;
        this.usersOnly = usersOnly;
        this.clock = clock;
        this.redactor = redactor;
        this.log = log;
    }

    /** A deliverer for the config's notifiers. */
    public static Deliverer of(TendConfig config, Database database, Clock clock, Consumer<String> log) {
        var byName = new java.util.LinkedHashMap<String, Notifier>();
        NotifiersSection.of(config).forEach(notifier -> byName.put(notifier.name(), notifier));
        return new Deliverer(database, byName, java.util.Set.copyOf(dev.tend.alert.AnnouncementsSection.of(config)), clock, config.redactor(), log);
    }

    /** What one pass did, in counts. */
    public record Pass(int delivered, int retried, int dead) {
        public boolean idle() {
            return delivered + retried + dead == 0;
        }
    }

    /** One pass over what is due now; returns when each claimed notification had its attempt. */
    public Pass deliverDue(int limit) {
        int delivered = 0, retried = 0, dead = 0;
        var claim = outbox.claim(now(), LEASE, limit);
        var heldUntil = now().plus(LEASE);
        for (var pending : claim.rows()) {
            var notifier = notifiers.get(pending.notifier());
            if (notifier != null) {
                // Renew the claim when this attempt could outlast it: a second instance must not send it meanwhile.
                var needed = now().plus(notifier.attemptBound()).plusSeconds(5);
                if (needed.isAfter(heldUntil)) {
                    heldUntil = needed.isAfter(now().plus(LEASE)) ? needed : now().plus(LEASE);
                    outbox.extend(claim.token(), heldUntil);
                }
            }
            if (pending.event().equals(Refresher.EVENT) && outbox.superseded(pending.id())) {
                outbox.delivered(pending.id(), now(), "not sent: newer news of the incident went out since");
                continue;
            }
            var result = notifier == null ? new Delivery.Refused("notifier " + pending.notifier() + " is no longer configured")
                    : notifier.send(pending.message(), now());
            switch (result) {
                case Delivery.Delivered ok -> {
                    outbox.delivered(pending.id(), now(), redactor.redact(ok.answer()));
                    delivered++;
                }
                case Delivery.Retry stopped when Thread.currentThread().isInterrupted() -> {
                    // tend serve is stopping and cut this attempt short: it is not the far end's failure; due again at once, for whoever runs next.
                    outbox.retry(pending.id(), now(), "not sent: tend serve stopped during the attempt");
                    log.accept(pending.notifier() + ": stopping; " + pending.message().type() + " left for the next delivery pass");
                    return new Pass(delivered, retried, dead);
                }
                case Delivery.Retry again when pending.attempts() + 1 < MAX_ATTEMPTS -> {
                    var wait = again.after().orElse(backoff(pending.attempts() + 1));
                    outbox.retry(pending.id(), now().plus(wait), redactor.redact(again.reason()));
                    log.accept(pending.notifier() + ": " + redactor.redact(again.reason()) + "; trying again in " + wait.toSeconds() + " s");
                    retried++;
                }
                default -> {
                    var reason = redactor.redact(result instanceof Delivery.Refused refused ? refused.reason() : ((Delivery.Retry) result).reason());
                    outbox.dead(pending.id(), now(), reason);
                    log.accept(pending.notifier() + ": gave up on " + pending.message().type() + (pending.message().incident().id() == 0 ? ""
                            : " of incident " + pending.message().incident().id()) + ": " + reason);
                    deadLetter(pending, reason);
                    dead++;
                }
            }
        }
        return new Pass(delivered, retried, dead);
    }

    /** The failure is news for the others (a fallback); never for the notifier that failed, and never about a dead letter itself. */
    private void deadLetter(Outbox.Pending pending, String reason) {
        if (pending.message().type().equals(Message.DEAD)) return;
        var others = new ArrayList<>(notifiers.keySet());
        others.remove(pending.notifier());
        others.removeAll(usersOnly);
        var original = pending.message();
        outbox.deadLetter(original.incident().id(), new Outbound(List.copyOf(others), (incident, eventId) -> new Message(
                original.idempotencyKey() + "-dead-" + pending.notifier(), Message.DEAD, original.platform(), now(), "tend",
                "notifier " + pending.notifier() + " could not deliver " + original.type() + ": " + reason, original.incident(), original.alerts())),
                pending.id(), now());
    }

    static Duration backoff(int attempt) {
        long seconds = (long) (10 * Math.pow(3, Math.max(0, attempt - 1)));
        return Duration.ofSeconds(Math.min(seconds, Duration.ofMinutes(15).toSeconds()));
    }

    private Instant now() {
        return clock.instant();
    }
}
