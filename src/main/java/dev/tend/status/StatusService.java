package dev.tend.status;

import dev.tend.alert.AlertService;
import dev.tend.config.TendConfig;
import dev.tend.store.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * What people do with the status page: publish an incident (checks propose, people confirm) and
 * post its updates. The CLI and HTTP call these; every check of the input is here, so both refuse
 * the same things with the same words.
 */
public final class StatusService {
    static final int MAX_TITLE = 200;
    static final int MAX_MESSAGE = 4000;
    private final TendConfig config;
    private final Database store;
    private final Clock clock;

    public StatusService(TendConfig config, Database store, Clock clock) {
        this.config = config;
        this.store = store;
        this.clock = clock;
    }

    /** An open alert incident that touches a public component and is not published yet: Tend proposes it, a person decides. */
    public record Proposal(long alertIncident, String title, String severity, List<String> components) {}

    public List<Proposal> proposals() {
        var published = new StatusIncidents(store).publishedAlertIncidents();
        var alerting = new AlertService(config, store, clock);
        var proposals = new ArrayList<Proposal>();
        for (var incident : alerting.incidents(false)) {
            if (published.contains(incident.id())) continue;
            var components = componentsOf(alerting.alertsOf(incident.id()).stream().map(dev.tend.alert.Alert::subject).toList());
            if (!components.isEmpty()) proposals.add(new Proposal(incident.id(), incident.title(), incident.severity().name(), components));
        }
        return proposals;
    }

    /**
     * Publishes an incident, investigating. Without components, those of the alert incident it
     * comes from. Returns its number.
     */
    public long publish(String title, String impact, List<String> components, Optional<Long> fromAlertIncident, String message, String actor) {
        if (title == null || title.isBlank() || title.length() > MAX_TITLE || title.contains("\n")) {
            throw new IllegalArgumentException("title: one line of 1 to " + MAX_TITLE + " characters, as the public will read it");
        }
        if (!StatusIncident.IMPACTS.contains(impact)) throw new IllegalArgumentException("impact '" + impact + "': use " + String.join(", ", StatusIncident.IMPACTS));
        message(message);
        var chosen = new ArrayList<>(components);
        if (fromAlertIncident.isPresent()) {
            var alerting = new AlertService(config, store, clock);
            alerting.incident(fromAlertIncident.get()).orElseThrow(() -> new IllegalArgumentException("no incident " + fromAlertIncident.get() + " (tend incidents --all)"));
            if (chosen.isEmpty()) chosen.addAll(componentsOf(alerting.alertsOf(fromAlertIncident.get()).stream().map(dev.tend.alert.Alert::subject).toList()));
        }
        var known = StatusPageSection.of(config).components().stream().map(StatusPageSettings.Component::name).toList();
        for (var name : chosen) {
            if (!known.contains(name)) throw new IllegalArgumentException("no component named '" + name + "' on the status page (components: " + String.join(", ", known) + ")");
        }
        if (chosen.isEmpty()) throw new IllegalArgumentException("name the components it affects (--component NAME), or publish it from an incident that touches one");
        return new StatusIncidents(store).publish(title.strip(), impact, List.copyOf(new LinkedHashSet<>(chosen)), fromAlertIncident, message.strip(), actor,
                clock.instant());
    }

    /** Posts an update that sets the incident's status. */
    public StatusIncident update(long id, String status, String message, String actor) {
        if (!StatusIncident.INCIDENT_STATUSES.contains(status)) {
            throw new IllegalArgumentException("status '" + status + "': use " + String.join(", ", StatusIncident.INCIDENT_STATUSES));
        }
        message(message);
        var incidents = new StatusIncidents(store);
        incidents.find(id).orElseThrow(() -> new IllegalArgumentException("no published incident " + id + " (tend status)"));
        incidents.update(id, status, message.strip(), actor, clock.instant());
        return incidents.find(id).orElseThrow();
    }

    private static void message(String message) {
        if (message == null || message.isBlank() || message.length() > MAX_MESSAGE) {
            throw new IllegalArgumentException("message: 1 to " + MAX_MESSAGE + " characters of what the public should know");
        }
    }

    /** The public components that contain any of these targets, in page order. */
    private List<String> componentsOf(List<String> targets) {
        return StatusPageSection.of(config).components().stream().filter(component -> component.targets().stream().anyMatch(targets::contains))
                .map(StatusPageSettings.Component::name).toList();
    }
}
