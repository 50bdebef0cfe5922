package dev.tend.status;

import java.time.Instant;
import java.util.List;

/**
 * The public status page as of one moment: what /status, its Statuspage-compatible JSON and its
 * feeds render. Nothing internal is in it: no target names, no reasons, no people.
 */
public record StatusPage(String id, String title, Instant updatedAt, List<Component> components, Indicator indicator, List<StatusIncident> incidents,
        List<StatusIncident> maintenances) {

    /** A component: its id (a slug of its name), status and position on the page, and its last 90 days. */
    public record Component(String id, String name, String description, ComponentStatus status, Instant updatedAt, int position, List<Day> days,
            java.util.Optional<Double> uptime) {

        /**
         * The days as drawn: consecutive days of the same colour merged into one bar as wide as
         * they are many, so a quiet quarter is a handful of elements, not ninety per component.
         */
        public List<Bar> bars() {
            var bars = new java.util.ArrayList<Bar>();
            int from = 0;
            for (int i = 1; i <= days.size(); i++) {
                if (i == days.size() || !days.get(i).css().equals(days.get(from).css())) {
                    bars.add(Bar.of(days.subList(from, i)));
                    from = i;
                }
            }
            return bars;
        }
    }

    /** One bar of the strip: one or more consecutive days of the same colour. */
    public record Bar(String css, int days, String title) {
        static Bar of(List<Day> run) {
            if (run.size() == 1) return new Bar(run.getFirst().css(), 1, run.getFirst().title());
            var shares = run.stream().flatMap(day -> day.uptime().stream()).mapToDouble(Double::doubleValue).summaryStatistics();
            var range = run.getFirst().date() + " to " + run.getLast().date() + " (" + run.size() + " days): ";
            var share = shares.getCount() == 0 ? "no data"
                    : shares.getMin() == shares.getMax() ? String.format(java.util.Locale.ROOT, "%.2f%% up", shares.getMin() * 100)
                    : String.format(java.util.Locale.ROOT, "%.2f to %.2f%% up", shares.getMin() * 100, shares.getMax() * 100);
            return new Bar(run.getFirst().css(), run.size(), range + share + (run.stream().anyMatch(Day::maintenance) ? ", maintenance" : ""));
        }
    }

    /**
     * One day of a component's uptime bar: the share of its checks' results that were up (OK or
     * WARN) among those taken outside maintenance, or empty when none was; whether any result fell
     * in a maintenance window.
     */
    public record Day(java.time.LocalDate date, java.util.Optional<Double> uptime, boolean maintenance) {

        /** The bar's colour class: no-data, maintenance (only), up, minor, major or down. */
        public String css() {
            if (uptime.isEmpty()) return maintenance ? "maintenance" : "no-data";
            double share = uptime.get();
            return share >= 0.9999 ? "up" : share >= 0.99 ? "minor" : share >= 0.95 ? "major" : "down";
        }

        public String title() {
            return date + ": " + uptime.map(share -> String.format(java.util.Locale.ROOT, "%.2f%% up", share * 100)).orElse("no data")
                    + (maintenance ? ", maintenance" : "");
        }
    }

    /** Statuspage's rollup: {@code none|minor|major|critical}, with words ("All Systems Operational"). */
    public record Indicator(String indicator, String description) {}

    public List<StatusIncident> unresolvedIncidents() {
        return incidents.stream().filter(incident -> !incident.resolved()).toList();
    }

    public List<StatusIncident> upcomingMaintenances() {
        return maintenances.stream().filter(maintenance -> maintenance.status().equals(StatusPageBuilder.SCHEDULED)).toList();
    }

    public List<StatusIncident> activeMaintenances() {
        return maintenances.stream().filter(maintenance -> maintenance.status().equals(StatusPageBuilder.IN_PROGRESS)
                || maintenance.status().equals(StatusPageBuilder.VERIFYING)).toList();
    }
}
