package dev.tend.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Trivy's JSON for one image ({@code trivy image --format json}): its vulnerabilities, by severity. */
record TrivyReport(String image, List<Finding> findings) {

    /** Severities as Trivy orders them, most severe first. */
    static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN");

    record Finding(String id, String packageName, String installed, String fixed, String severity, String title, String target) {
        boolean fixable() {
            return !fixed.isBlank();
        }

        String line() {
            return severity + " " + id + " " + packageName + " " + installed + (fixable() ? " → fixed in " + fixed : " (no fix yet)")
                    + (title.isBlank() ? "" : ": " + title) + " [" + target + "]";
        }
    }

    static TrivyReport read(String image, JsonNode json) {
        var findings = new ArrayList<Finding>();
        for (var result : json.path("Results")) {
            for (var vulnerability : result.path("Vulnerabilities")) {
                findings.add(new Finding(vulnerability.path("VulnerabilityID").asString(""), vulnerability.path("PkgName").asString(""),
                        vulnerability.path("InstalledVersion").asString(""), vulnerability.path("FixedVersion").asString(""),
                        vulnerability.path("Severity").asString("UNKNOWN").toUpperCase(Locale.ROOT), vulnerability.path("Title").asString(""),
                        result.path("Target").asString("")));
            }
        }
        findings.sort(java.util.Comparator.comparingInt((Finding finding) -> rank(finding.severity())).thenComparing(Finding::id));
        return new TrivyReport(image, List.copyOf(findings));
    }

    /** Counts by severity, most severe first, every severity present. */
    Map<String, Long> counts() {
        var counts = new LinkedHashMap<String, Long>();
        SEVERITIES.forEach(severity -> counts.put(severity, findings.stream().filter(finding -> finding.severity().equals(severity)).count()));
        return counts;
    }

    static int rank(String severity) {
        int index = SEVERITIES.indexOf(severity);
        return index < 0 ? SEVERITIES.size() : index;
    }
}
