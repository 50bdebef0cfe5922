package dev.tend.web;

import dev.tend.status.StatusIncident;
import dev.tend.status.StatusPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status page in Statuspage's v2 JSON (field names and enumerations as Statuspage writes
 * them), so existing clients and widgets read Tend's page unchanged. Who wrote an update is never
 * included.
 */
final class StatuspageJson {
    private StatuspageJson() {}

    static Map<String, Object> summary(StatusPage page, String url) {
        var body = base(page, url);
        body.put("components", components(page));
        body.put("incidents", incidents(page, page.unresolvedIncidents()));
        body.put("scheduled_maintenances", incidents(page, concat(page.activeMaintenances(), page.upcomingMaintenances())));
        body.put("status", status(page));
        return body;
    }

    static Map<String, Object> status(StatusPage page, String url) {
        var body = base(page, url);
        body.put("status", status(page));
        return body;
    }

    static Map<String, Object> components(StatusPage page, String url) {
        var body = base(page, url);
        body.put("components", components(page));
        return body;
    }

    static Map<String, Object> incidents(StatusPage page, String url, List<StatusIncident> incidents) {
        var body = base(page, url);
        body.put("incidents", incidents(page, incidents));
        return body;
    }

    static Map<String, Object> maintenances(StatusPage page, String url, List<StatusIncident> maintenances) {
        var body = base(page, url);
        body.put("scheduled_maintenances", incidents(page, maintenances));
        return body;
    }

    private static Map<String, Object> base(StatusPage page, String url) {
        var info = new LinkedHashMap<String, Object>();
        info.put("id", page.id());
        info.put("name", page.title());
        info.put("url", url);
        info.put("time_zone", "Etc/UTC");
        info.put("updated_at", time(page.updatedAt()));
        var body = new LinkedHashMap<String, Object>();
        body.put("page", info);
        return body;
    }

    private static Map<String, Object> status(StatusPage page) {
        var status = new LinkedHashMap<String, Object>();
        status.put("indicator", page.indicator().indicator());
        status.put("description", page.indicator().description());
        return status;
    }

    private static List<Map<String, Object>> components(StatusPage page) {
        var list = new ArrayList<Map<String, Object>>();
        for (var component : page.components()) list.add(component(page, component));
        return list;
    }

    private static Map<String, Object> component(StatusPage page, StatusPage.Component component) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", component.id());
        json.put("name", component.name());
        json.put("status", component.status().json());
        json.put("created_at", time(component.updatedAt()));
        json.put("updated_at", time(component.updatedAt()));
        json.put("position", component.position());
        json.put("description", component.description());
        json.put("showcase", true);
        json.put("start_date", null);
        json.put("group_id", null);
        json.put("page_id", page.id());
        json.put("group", false);
        json.put("only_show_if_degraded", false);
        return json;
    }

    private static List<Map<String, Object>> incidents(StatusPage page, List<StatusIncident> incidents) {
        var list = new ArrayList<Map<String, Object>>();
        for (var incident : incidents) {
            var json = new LinkedHashMap<String, Object>();
            json.put("id", incident.id());
            json.put("name", incident.name());
            json.put("status", incident.status());
            json.put("created_at", time(incident.createdAt()));
            json.put("updated_at", time(incident.updatedAt()));
            json.put("monitoring_at", incident.updates().stream().filter(update -> update.status().equals("monitoring")).map(update -> time(update.at()))
                    .reduce((newer, older) -> older).orElse(null));
            json.put("resolved_at", incident.resolvedAt().map(StatuspageJson::time).orElse(null));
            json.put("impact", incident.impact());
            json.put("shortlink", null);
            json.put("started_at", time(incident.maintenance() ? incident.scheduledFor().orElseThrow() : incident.createdAt()));
            json.put("page_id", page.id());
            if (incident.maintenance()) {
                json.put("scheduled_for", time(incident.scheduledFor().orElseThrow()));
                json.put("scheduled_until", time(incident.scheduledUntil().orElseThrow()));
            }
            var affected = page.components().stream().filter(component -> incident.components().contains(component.name())).toList();
            var updates = new ArrayList<Map<String, Object>>();
            for (var update : incident.updates()) {
                var entry = new LinkedHashMap<String, Object>();
                entry.put("id", update.id());
                entry.put("status", update.status());
                entry.put("body", update.body());
                entry.put("incident_id", incident.id());
                entry.put("created_at", time(update.at()));
                entry.put("updated_at", time(update.at()));
                entry.put("display_at", time(update.at()));
                entry.put("affected_components", affected.stream().map(component -> Map.of("code", component.id(), "name", component.name(),
                        "old_status", component.status().json(), "new_status", component.status().json())).toList());
                entry.put("deliver_notifications", false);
                updates.add(entry);
            }
            json.put("incident_updates", updates);
            json.put("components", affected.stream().map(component -> component(page, component)).toList());
            list.add(json);
        }
        return list;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        var all = new ArrayList<T>(first);
        all.addAll(second);
        return all;
    }

    static String time(Instant at) {
        return at.toString();
    }
}
