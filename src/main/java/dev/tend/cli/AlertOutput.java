package dev.tend.cli;

import dev.tend.alert.Alert;
import dev.tend.alert.AlertService;
import dev.tend.alert.Incident;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Alerts and incidents as tables and as JSON: {"alerts":[...]}, {"incidents":[...]}. */
final class AlertOutput {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AlertOutput() {}

    static void alerts(List<Alert> alerts, boolean json, Instant now, PrintWriter out) {
        if (json) {
            out.println(JSON.writeValueAsString(Map.of("alerts", alerts.stream().map(AlertOutput::row).toList())));
            return;
        }
        if (alerts.isEmpty()) {
            out.println("no alert is firing");
            return;
        }
        out.printf("%-5s %-9s %-9s %-28s %-9s %-9s %s%n", "ID", "STATE", "SEVERITY", "ALERT", "SINCE", "INCIDENT", "REASON");
        for (var alert : alerts) {
            out.printf("%-5d %-9s %-9s %-28s %-9s %-9s %s%n", alert.id(), alert.state(), alert.severity(), alert.label(),
                    ago(alert.since(), now), alert.incidentId().map(String::valueOf).orElse("-"), alert.reason());
        }
    }

    static void incidents(List<Incident> incidents, boolean json, Instant now, PrintWriter out) {
        if (json) {
            out.println(JSON.writeValueAsString(Map.of("incidents", incidents.stream().map(AlertOutput::row).toList())));
            return;
        }
        if (incidents.isEmpty()) {
            out.println("no open incident");
            return;
        }
        out.printf("%-5s %-13s %-9s %-9s %-14s %s%n", "ID", "STATE", "SEVERITY", "OPENED", "ACKNOWLEDGED", "TITLE");
        for (var incident : incidents) {
            out.printf("%-5d %-13s %-9s %-9s %-14s %s%n", incident.id(), incident.state(), incident.severity(), ago(incident.openedAt(), now),
                    incident.acknowledgedBy().orElse("-"), incident.title());
        }
    }

    static void timeline(Incident incident, List<Alert> alerts, AlertService service, PrintWriter out) {
        out.println("incident " + incident.id() + ": " + incident.title());
        out.println("  " + incident.state() + ", " + incident.severity() + ", opened " + incident.openedAt()
                + incident.acknowledgedBy().map(by -> ", acknowledged by " + by + incident.ackUntil().map(until -> " until " + until).orElse("")).orElse("")
                + incident.resolvedAt().map(at -> ", resolved " + at).orElse(""));
        out.println("alerts:");
        alerts.forEach(alert -> out.println("  " + alert.id() + " " + alert.label() + ": " + alert.state() + " — " + alert.reason()));
        out.println("timeline:");
        service.timeline(incident.id()).forEach(entry -> out.println("  " + entry.at() + "  " + entry.kind() + " (" + entry.actor() + ") " + entry.detail()));
        var notifications = service.notifications(incident.id());
        out.println("notifications:" + (notifications.isEmpty() ? " none" : ""));
        for (var row : notifications) {
            var how = switch (row.state()) {
                case "DELIVERED" -> "delivered " + row.deliveredAt().map(Instant::toString).orElse("");
                case "DEAD" -> "gave up after " + row.attempts() + " attempt(s)";
                default -> row.attempts() == 0 ? "waiting for tend serve to deliver it" : "retrying (" + row.attempts() + " attempt(s) so far)";
            };
            out.println("  " + row.createdAt() + "  " + row.event() + " to " + row.notifier() + ": " + how
                    + (row.lastAnswer().isBlank() ? "" : " — " + row.lastAnswer().strip()));
        }
    }

    private static Map<String, Object> row(Alert alert) {
        var row = new LinkedHashMap<String, Object>();
        row.put("id", alert.id());
        row.put("fingerprint", alert.fingerprint());
        row.put("source", alert.source());
        row.put("subject", alert.subject());
        row.put("name", alert.name());
        row.put("state", alert.state().name());
        row.put("severity", alert.severity().name());
        row.put("since", alert.since().toString());
        row.put("incident", alert.incidentId().orElse(null));
        row.put("reason", alert.reason());
        return row;
    }

    private static Map<String, Object> row(Incident incident) {
        var row = new LinkedHashMap<String, Object>();
        row.put("id", incident.id());
        row.put("title", incident.title());
        row.put("state", incident.state().name());
        row.put("severity", incident.severity().name());
        row.put("openedAt", incident.openedAt().toString());
        row.put("acknowledgedBy", incident.acknowledgedBy().orElse(null));
        row.put("ackUntil", incident.ackUntil().map(Instant::toString).orElse(null));
        row.put("resolvedAt", incident.resolvedAt().map(Instant::toString).orElse(null));
        return row;
    }

    /** "4m", "2h", "3d": how long ago, for a table. */
    static String ago(Instant at, Instant now) {
        var elapsed = Duration.between(at, now);
        if (elapsed.toMinutes() < 1) return elapsed.toSeconds() + "s";
        if (elapsed.toHours() < 1) return elapsed.toMinutes() + "m";
        if (elapsed.toDays() < 1) return elapsed.toHours() + "h";
        return elapsed.toDays() + "d";
    }
}
