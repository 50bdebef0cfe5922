package dev.tend.alert;

import dev.tend.alert.Alert.State;
import dev.tend.alert.AlertRules.Observation;
import dev.tend.alert.AlertRules.Transition;
import dev.tend.alert.escalate.EscalationSteps;
import dev.tend.alert.escalate.Escalations;
import dev.tend.alert.notify.Message;
import dev.tend.alert.notify.Outbound;
import dev.tend.alert.notify.Outbox;
import dev.tend.alert.notify.NotifiersSection;
import dev.tend.alert.notify.Refresher;
import dev.tend.check.CheckResult;
import dev.tend.check.Status;
import dev.tend.config.TendConfig;
import dev.tend.store.Database;
import dev.tend.window.MaintenanceWindows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns what Tend observed into alerts and incidents: what the CLI and tend serve call after each
 * check round, and what acknowledges and resolves them. Every change is stored with its time and
 * actor; the returned changes are what notification delivers.
 */
public final class AlertService {
    private final TendConfig config;
    private final Alerts alerts;
    private final Incidents incidents;
    private final Clock clock;
    private final MaintenanceWindows windows;
    private final Escalations escalations;
    private final EscalationSteps steps;
    private final Holds holds;
    private final Outbox outbox;
    private final Refresher refresher;
    static final int MAX_NOTE = 4000;

    /** For reading and acknowledging: no evaluation depends on maintenance windows here. */
    public AlertService(TendConfig config, Database database, Clock clock) {
        this(config, database, clock, MaintenanceWindows.none());
    }

    /** @param windows the maintenance windows (the calendar): a problem that starts inside one is not paged unless it outlasts it */
    public AlertService(TendConfig config, Database database, Clock clock, MaintenanceWindows windows) {
        this.config = config;
        this.alerts = new Alerts(database);
        this.incidents = new Incidents(database);
        this.clock = clock;
        this.windows = windows;
        this.escalations = new Escalations(config);
        this.steps = new EscalationSteps(database);
        this.holds = new Holds(database);
        this.outbox = new Outbox(database);
        var refreshed = new java.util.LinkedHashMap<String, Duration>();
        NotifiersSection.of(config).forEach(notifier -> notifier.refreshEvery().ifPresent(every -> refreshed.put(notifier.name(), every)));
        this.refresher = new Refresher(database, refreshed);
    }

    /** One thing that happened to an alert or incident in an evaluation, in words. */
    public record Change(String fingerprint, Transition transition, long incident, String detail) {}

    /** Feeds a round of check results through the rules, dependencies before the targets that need them. */
    public List<Change> evaluate(List<CheckResult> results) {
        var now = now();
        var settings = AlertingSection.of(config);
        var dependencies = Dependencies.of(config);
        var changes = new ArrayList<Change>(expireAcknowledgements(now));
        changes.addAll(endSuppressions(now));
        var ordered = results.stream().sorted(Comparator.comparingInt((CheckResult result) -> dependencies.depth(result.target()))).toList();
        var grouping = new RoundGrouping(results.stream().filter(result -> result.status() != Status.OK).map(CheckResult::target)
                .collect(java.util.stream.Collectors.toSet()), dependencies, now);
        for (var result : ordered) {
            var seen = new Observation(result.status() != Status.OK, Severity.of(result.status()), result.reason());
            observe(Alert.fresh(Fingerprints.check(result.target(), result.check()), "check", result.target(), result.check(), now), seen,
                    settings.thresholds(result.target(), result.check()), dependencies, grouping, now, changes);
        }
        grouping.waiting().forEach(incident -> pageGrouped(incident, now, changes));
        return changes;
    }

    /** The round is evaluated: the incident that waited for its dependents pages, listing every alert it holds now. */
    private void pageGrouped(long id, Instant now, List<Change> changes) {
        var incident = incidents.find(id);
        if (incident.isEmpty() || !incident.get().open() || incident.get().suppressedBy().filter(RoundGrouping.HOLD::equals).isEmpty()) return;
        var inIncident = alerts.inIncident(id);
        var first = inIncident.stream().filter(alert -> alert.state().active()).findFirst();
        var detail = first.map(Alert::reason).orElse(incident.get().title())
                + (inIncident.size() > 1 ? "; " + (inIncident.size() - 1) + " alert(s) of targets that depend on it joined in the same round" : "");
        if (incidents.transition(incident.get(), incident.get().unsuppressed(), now, "tend", "PAGED", detail,
                trigger(detail, now, view(incident.get()), inIncident.stream().map(AlertService::view).toList()))) {
            changes.add(new Change("incident:" + id, null, id, detail));
        }
    }

    /**
     * What Tend's own work reports (a scheduled run, a maintenance run): fires on the first bad
     * report, resolves on the first good one. Never held back by a window: a failure of the
     * maintenance itself is exactly what the people on call need to hear.
     */
    public List<Change> report(Signal signal) {
        var now = now();
        var changes = new ArrayList<Change>();
        // A success that was never a problem leaves no row behind.
        if (!signal.bad() && alerts.find(signal.fingerprint()).filter(alert -> alert.state().active()).isEmpty()) return changes;
        var settings = AlertingSection.of(config);
        var thresholds = new AlertRules.Thresholds(1, 1, settings.flappingChanges(), settings.flappingWithin());
        observe(Alert.fresh(signal.fingerprint(), signal.source(), signal.subject(), signal.name(), now),
                new Observation(signal.bad(), signal.severity(), signal.reason()), thresholds, Dependencies.of(config), RoundGrouping.NONE, now, changes);
        return changes;
    }

    /**
     * A maintenance run takes (or renews) a hold on the targets it works on ({@code *}: all of
     * them): their new problems are recorded, not paged, until it releases the hold or {@code until}.
     */
    public void hold(String by, List<String> subjects, Instant until) {
        holds.hold(by, subjects.isEmpty() ? List.of(Holds.EVERY_TARGET) : subjects, now(), until);
    }

    /** The run is over: incidents it held back and still open page now. */
    public List<Change> release(String by) {
        holds.release(by);
        var now = now();
        for (var incident : incidents.list(false)) {
            if (incident.suppressedBy().filter(by::equals).isPresent() && incident.suppressedUntil().filter(now::isBefore).isPresent()) {
                incidents.update(incident.suppressedUntil(now));
            }
        }
        return endSuppressions(now);
    }

    private void observe(Alert fresh, Observation seen, AlertRules.Thresholds thresholds, Dependencies dependencies, RoundGrouping grouping,
            Instant now, List<Change> changes) {
        var step = alerts.observe(fresh, current -> AlertRules.apply(current, seen, thresholds, now));
        var alert = step.alert();
        for (var transition : step.transitions()) {
            alert = apply(alert, transition, dependencies, grouping, now, changes);
        }
        var worse = alert;
        if (step.transitions().isEmpty() && alert.state().active()) {
            // Still firing, and worse than the incident says (WARN became CRIT): the incident says so too.
            alert.incidentId().flatMap(incidents::find).filter(Incident::open).filter(found -> found.severity().compareTo(worse.severity()) < 0)
                    .ifPresent(found -> {
                        incidents.update(found.withSeverity(worse.severity()));
                        incidents.event(found.id(), now, "tend", "SEVERITY", worse.label() + " is now " + worse.severity() + ": " + worse.reason());
                    });
        }
    }

    /** Only a check's problem can be planned: a window or a run at work on its target holds its page back. */
    private Optional<Suppression> suppression(Alert alert, Instant now) {
        if (!alert.source().equals("check")) return Optional.empty();
        return windows.openAt(alert.subject(), now).map(Suppression::of).or(() -> holds.on(alert.subject(), now));
    }

    private Alert apply(Alert alert, Transition transition, Dependencies dependencies, RoundGrouping grouping, Instant now, List<Change> changes) {
        alerts.event(alert.id(), now, transition.name(), alert.reason());
        var fingerprint = alert.fingerprint();
        return switch (transition) {
            case FIRED -> {
                var cause = dependencies.activeCause(alert.subject(), this::openIncidentOfSubject);
                long incident;
                var grouped = Optional.<Suppression>empty();
                if (cause.isPresent()) {
                    incident = cause.get().incident();
                    incidents.event(incident, now, "tend", "AFFECTED", alert.label() + " is affected: it depends on " + cause.get().subject()
                            + " (" + alert.reason() + ")");
                } else {
                    var title = alert.label() + ": " + alert.reason();
                    // Inside a maintenance window a new problem is expected: recorded, not paged, unless it outlasts the window.
                    var held = suppression(alert, now);
                    grouped = held.isPresent() ? Optional.<Suppression>empty() : grouping.holdFor(alert.subject());
                    incident = held.isPresent()
                            ? incidents.open(title, alert.severity(), now, alert.label() + " fired during " + held.get().by()
                                    + ": not paged unless still open when it ends at " + held.get().until(), Outbound.NONE, held)
                            : grouped.isPresent()
                            ? incidents.open(title, alert.severity(), now, alert.label() + " fired: " + alert.reason()
                                    + "; paged when this round's targets that depend on it are evaluated", Outbound.NONE, grouped)
                            : incidents.open(title, alert.severity(), now, alert.label() + " fired: " + alert.reason(),
                                    trigger(alert.reason(), now, new Message.IncidentView(0, title, alert.severity().name(),
                                            Incident.State.TRIGGERED.name(), now), List.of(view(alert))));
                }
                if (grouped.isPresent()) grouping.waiting(incident);
                var joined = alerts.save(alert.inIncident(Optional.of(incident)));
                raiseSeverity(incident, alert.severity());
                changes.add(new Change(fingerprint, transition, incident, alert.reason()));
                yield joined;
            }
            case RESOLVED, SETTLED_RESOLVED -> {
                alert.incidentId().ifPresent(incident -> {
                    incidents.event(incident, now, "tend", "ALERT_RESOLVED", alert.label() + " resolved: " + alert.reason());
                    changes.add(new Change(fingerprint, transition, incident, alert.reason()));
                    resolveIfQuiet(incident, now, "tend", changes);
                });
                yield alert;
            }
            case FLAPPING -> {
                // Held open in the incident it had: reopened without a new page.
                long incident = alert.incidentId().orElseGet(() -> incidents.open(alert.label() + ": " + alert.reason(), alert.severity(), now,
                        alert.label() + " fired, flapping", Outbound.NONE));
                incidents.find(incident).filter(found -> !found.open()).ifPresent(found -> incidents.update(found.triggered()));
                incidents.event(incident, now, "tend", "FLAPPING", alert.label() + " keeps changing (" + alert.changes().size()
                        + " changes within the flapping period): held open, not paged again");
                changes.add(new Change(fingerprint, transition, incident, alert.reason()));
                yield alerts.save(alert.inIncident(Optional.of(incident)));
            }
            case SETTLED_FIRING -> {
                alert.incidentId().ifPresent(incident -> {
                    incidents.event(incident, now, "tend", "SETTLED", alert.label() + " stopped changing and is failing: " + alert.reason());
                    changes.add(new Change(fingerprint, transition, incident, alert.reason()));
                });
                yield alert;
            }
        };
    }

    /** Acknowledges the incident of an alert: escalation stops; with {@code until}, it triggers again then if still open. */
    public Incident acknowledge(long alertId, String person, String comment, Optional<Duration> forHowLong) {
        var alert = alerts.find(alertId).orElseThrow(() -> new IllegalArgumentException("no alert " + alertId + " (see tend alerts --all)"));
        var incident = alert.incidentId().flatMap(incidents::find).filter(Incident::open)
                .orElseThrow(() -> new IllegalArgumentException("alert " + alertId + " (" + alert.label() + ") has no open incident to acknowledge"));
        var now = now();
        var until = forHowLong.map(now::plus);
        var acknowledged = incident.acknowledged(person, now, until);
        incidents.update(acknowledged);
        var detail = comment + until.map(end -> (comment.isEmpty() ? "" : "; ") + "until " + end).orElse("");
        incidents.event(incident.id(), now, person, "ACKNOWLEDGED", detail,
                told(incident.id(), Message.ACKNOWLEDGED, now, person, detail, view(acknowledged),
                        alerts.inIncident(incident.id()).stream().map(AlertService::view).toList()));
        return acknowledged;
    }

    /** Adds a note to an incident's timeline (what was found, what was done): open or resolved, it pages nobody. */
    public TimelineEntry note(long incidentId, String person, String text) {
        var incident = incidents.find(incidentId).orElseThrow(() -> new IllegalArgumentException("no incident " + incidentId + " (see tend incidents --all)"));
        var note = text == null ? "" : text.strip();
        if (note.isEmpty()) throw new IllegalArgumentException("the note is empty: say what was found or done");
        if (note.length() > MAX_NOTE) throw new IllegalArgumentException("the note has " + note.length() + " characters; at most " + MAX_NOTE);
        var now = now();
        incidents.event(incident.id(), now, person, "NOTE", note);
        return new TimelineEntry(now, person, "NOTE", note);
    }

    /** Resolves an alert by hand (its streaks start again); its incident resolves when it has no other active alert. */
    public Alert resolve(long alertId, String person, String comment) {
        var alert = alerts.find(alertId).orElseThrow(() -> new IllegalArgumentException("no alert " + alertId + " (see tend alerts --all)"));
        if (!alert.state().active()) throw new IllegalArgumentException("alert " + alertId + " (" + alert.label() + ") is not firing");
        var now = now();
        var resolved = alerts.save(alert.with(State.OK, alert.severity(), 0, 0, alert.reason(), now, now, alert.changes()));
        alerts.event(alert.id(), now, "RESOLVED", "by " + person + (comment.isEmpty() ? "" : ": " + comment));
        alert.incidentId().ifPresent(incident -> {
            incidents.event(incident, now, person, "ALERT_RESOLVED", alert.label() + " resolved by hand" + (comment.isEmpty() ? "" : ": " + comment));
            resolveIfQuiet(incident, now, person, new ArrayList<>());
        });
        return resolved;
    }

    public List<Alert> alerts(boolean all) {
        return alerts.list(all);
    }

    public Optional<Alert> alert(long id) {
        return alerts.find(id);
    }

    public List<AlertEvent> history(long alertId) {
        return alerts.events(alertId);
    }

    public List<Incident> incidents(boolean all) {
        return incidents.list(all);
    }

    public Optional<Incident> incident(long id) {
        return incidents.find(id);
    }

    public List<TimelineEntry> timeline(long incident) {
        return incidents.timeline(incident);
    }

    /** Who was told what about an incident, and how the delivery went. */
    public List<Outbox.Row> notifications(long incident) {
        return outbox.ofIncident(incident);
    }

    public List<Alert> alertsOf(long incident) {
        return alerts.inIncident(incident);
    }

    /**
     * Incidents held back by a window that has ended: still open, they page now (not at a later
     * repeat); already resolved, nothing was ever sent and nothing is.
     */
    private List<Change> endSuppressions(Instant now) {
        var paged = new ArrayList<Change>();
        for (var incident : incidents.list(false)) {
            if (incident.suppressedUntil().filter(until -> !until.isAfter(now)).isEmpty()) continue;
            var detail = incident.suppressedBy().orElse("the maintenance") + " ended at " + incident.suppressedUntil().get()
                    + " and the incident is still open";
            if (incidents.transition(incident, incident.unsuppressed(), now, "tend", "WINDOW_ENDED", detail, trigger(detail, now, view(incident),
                    alerts.inIncident(incident.id()).stream().map(AlertService::view).toList()))) {
                paged.add(new Change("incident:" + incident.id(), null, incident.id(), detail));
            }
        }
        return paged;
    }

    private List<Change> expireAcknowledgements(Instant now) {
        var expired = new ArrayList<Change>();
        for (var incident : incidents.list(false)) {
            if (incident.state() == Incident.State.ACKNOWLEDGED && incident.ackUntil().filter(until -> !until.isAfter(now)).isPresent()) {
                var detail = "the acknowledgement by " + incident.acknowledgedBy().orElse("?") + " ended at " + incident.ackUntil().get()
                        + "; the incident is still open";
                // Its escalation starts again from the first level.
                if (incidents.transition(incident, incident.triggered(), now, "tend", "ACK_EXPIRED", detail, trigger(detail, now,
                        new Message.IncidentView(incident.id(), incident.title(), incident.severity().name(), Incident.State.TRIGGERED.name(),
                                incident.openedAt()), alerts.inIncident(incident.id()).stream().map(AlertService::view).toList()))) {
                    expired.add(new Change("incident:" + incident.id(), null, incident.id(), "acknowledgement expired"));
                }
            }
        }
        return expired;
    }

    private Optional<Long> openIncidentOfSubject(String subject) {
        return alerts.openIncidentOf(subject);
    }

    private void resolveIfQuiet(long incident, Instant now, String actor, List<Change> changes) {
        var found = incidents.find(incident);
        if (found.isEmpty()) return;
        var resolved = new Message.IncidentView(incident, found.get().title(), found.get().severity().name(), Incident.State.RESOLVED.name(),
                found.get().openedAt());
        // Held back by a window, nothing was sent: its resolve is not news to anyone either.
        var outbound = found.get().suppressed() ? Outbound.NONE : told(incident, Message.RESOLVED, now, actor, "every alert of the incident has resolved",
                resolved, alerts.inIncident(incident).stream().map(AlertService::view).toList());
        if (incidents.resolveIfQuiet(incident, now, actor, outbound)) changes.add(new Change("incident:" + incident, null, incident, "resolved"));
    }

    /**
     * A triggering event's notifications: the first level of the incident's escalation policy,
     * the later levels scheduled with it. The incident's id in the view is filled in when known.
     */
    private Outbound trigger(String detail, Instant at, Message.IncidentView incident, List<Message.AlertView> alertViews) {
        var subjects = alertViews.stream().map(Message.AlertView::subject).collect(java.util.stream.Collectors.toSet());
        var policy = escalations.policyFor(incident.severity(), subjects);
        return escalations.trigger(policy, at, addressees -> message(Message.TRIGGERED, at, "tend", detail, incident, alertViews, addressees));
    }

    /** An acknowledgement or a resolve: told to every notifier that heard of the incident; its escalation stops. */
    private Outbound told(long incident, String type, Instant at, String actor, String detail, Message.IncidentView view, List<Message.AlertView> alertViews) {
        return new Outbound(List.copyOf(steps.notified(incident)), message(type, at, actor, detail, view, alertViews, List.of()))
                .andThen((handle, id, eventId) -> EscalationSteps.cancel(handle, id));
    }

    private Outbound.Factory message(String type, Instant at, String actor, String detail, Message.IncidentView incident,
            List<Message.AlertView> alertViews, List<Message.Addressee> addressees) {
        return (id, eventId) -> new Message("tend-" + id + "-" + eventId, type, config.platform().name(), at, actor, detail,
                new Message.IncidentView(id, incident.title(), incident.severity(), incident.state(), incident.openedAt()), alertViews, addressees);
    }

    /**
     * What time alone changes, whether or not a check ran: acknowledgements that expired, windows
     * and maintenance runs that ended, escalation levels that came due, open incidents a far end
     * must be told again. tend serve calls it before every delivery pass, so the end of a window
     * pages at once, not at the next check round.
     */
    public int tick() {
        var now = now();
        int changed = expireAcknowledgements(now).size() + endSuppressions(now).size();
        return changed + escalateDue() + refresher.due(now);
    }

    /**
     * Levels that came due for incidents still triggered (nobody acknowledged, not resolved, not
     * held back by a window) are sent now, each once: tend serve calls this on every delivery pass.
     */
    public int escalateDue() {
        var now = now();
        int sent = 0;
        for (var due : steps.claimDue(now, java.time.Duration.ofMinutes(5), 50)) {
            var incident = incidents.find(due.incident());
            if (incident.isEmpty() || incident.get().state() != Incident.State.TRIGGERED || incident.get().suppressed()) {
                steps.cancelled(due.id());
                continue;
            }
            var alertViews = alerts.inIncident(due.incident()).stream().map(AlertService::view).toList();
            var addressees = escalations.addressees(due.oncall(), due.people(), now);
            var detail = "escalated to level " + (due.level() + 1) + " of policy " + due.policy() + ": nobody has acknowledged it"
                    + (addressees.isEmpty() ? "" : "; " + String.join(", ", addressees.stream().map(Message.Addressee::name).toList()));
            incidents.event(due.incident(), now, "tend", "ESCALATED", detail, new Outbound(due.notifiers(),
                    message(Message.TRIGGERED, now, "tend", detail, view(incident.get()), alertViews, addressees))
                    .andThen((handle, id, eventId) -> EscalationSteps.sent(handle, due.id())));
            sent++;
        }
        return sent;
    }

    private static Message.AlertView view(Alert alert) {
        return new Message.AlertView(alert.fingerprint(), alert.subject(), alert.name(), alert.state().name(), alert.severity().name(), alert.reason());
    }

    private static Message.IncidentView view(Incident incident) {
        return new Message.IncidentView(incident.id(), incident.title(), incident.severity().name(), incident.state().name(), incident.openedAt());
    }

    private void raiseSeverity(long incident, Severity severity) {
        incidents.find(incident).filter(found -> found.severity().compareTo(severity) < 0).ifPresent(found -> incidents.update(found.withSeverity(severity)));
    }

    /** The store keeps milliseconds: so does everything compared with what it returns. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

}
