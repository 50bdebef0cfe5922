package dev.tend.audit;

import dev.tend.backup.BackupsSection;
import dev.tend.backup.Verification;
import dev.tend.backup.Verifications;
import dev.tend.check.CheckResult;
import dev.tend.check.ResultHistory;
import dev.tend.check.Status;
import dev.tend.config.TendConfig;
import dev.tend.report.Document;
import dev.tend.report.ReportPeriod;
import dev.tend.report.Reports;
import dev.tend.store.Database;
import dev.tend.target.TargetsSection;
import dev.tend.task.TaskOutcome;
import dev.tend.task.TaskOutcomes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quarterly security audit, from what Tend already knows: certificates, security headers,
 * superusers and administrators, inactive accounts, open critical findings, the last vulnerability
 * scan, secret rotations, and the last verified backup and restore drill — each item OK, or an
 * action with its owner.
 */
public final class SecurityReport {
    static final String SYSADMIN = "System Administrator";
    static final String DBA = "Database Administrator";
    private static final Duration SCAN_EVERY = Duration.ofDays(7);
    private static final Duration VERIFY_EVERY = Duration.ofDays(7);
    private static final Duration DRILL_EVERY = Duration.ofDays(92);

    private SecurityReport() {}

    /** One line of the audit. */
    public record Item(String area, String item, boolean ok, String detail, String owner) {}

    public record Built(Document document, Map<String, Object> data, List<Item> items) {}

    public static Built build(TendConfig config, Database store, Clock clock, ReportPeriod period) {
        var now = clock.instant();
        var items = new ArrayList<Item>();
        var latest = new ResultHistory(store).latest();
        for (var result : latest) {
            if (result.measurements().stream().anyMatch(measurement -> measurement.name().equals("days_left"))) {
                items.add(new Item("certificates", result.target() + " " + result.check(), result.status().isOk(), result.reason(), SYSADMIN));
            } else if (result.check().equals("headers")) {
                items.add(new Item("security headers", result.target(), result.status().isOk(), result.reason(), SYSADMIN));
            }
        }
        if (items.stream().noneMatch(item -> item.area().equals("certificates"))) {
            items.add(new Item("certificates", "coverage", false, "no certificate is watched: add a tls target per endpoint", SYSADMIN));
        }
        accessItems(config, store, period, items);
        latest.stream().filter(result -> result.status() == Status.CRIT)
                .forEach(result -> items.add(new Item("open critical findings", result.target() + " " + result.check(), false, result.reason(), "on-call")));
        if (latest.stream().noneMatch(result -> result.status() == Status.CRIT)) {
            items.add(new Item("open critical findings", "every check", true, latest.size() + " checks, none CRIT at their latest result", "on-call"));
        }
        scanItems(config, store, now, items);
        new Rotations(config, store, clock).states().forEach(state -> items.add(new Item("secret rotations", state.settings().name(), !state.overdue(),
                state.state(now), state.settings().owner())));
        backupItems(config, store, now, items);
        return new Built(document(config, period, now, items), data(period, now, items), List.copyOf(items));
    }

    private static void accessItems(TendConfig config, Database store, ReportPeriod period, List<Item> items) {
        for (var review : AccessReviewsSection.of(config)) {
            var kept = new Reports(store).recent(AccessReviewer.KIND, review.name(), 20);
            var signed = kept.stream().filter(report -> report.signature().filter(signature -> !signature.at().isBefore(period.start())).isPresent()).findFirst();
            if (kept.isEmpty()) {
                items.add(new Item("accounts", review.name(), false, "never reviewed: run tend access review " + review.name() + " and sign it", review.signer()));
                continue;
            }
            var data = JsonMapper.builder().build().readTree(kept.getFirst().data());
            var summary = "superusers: " + list(data.path("superusers")) + "; administrators: " + list(data.path("admins")) + "; inactive: "
                    + list(data.path("inactive")) + " (review " + kept.getFirst().id() + " of " + LocalDate.ofInstant(kept.getFirst().createdAt(), ZoneOffset.UTC) + ")";
            boolean ok = signed.isPresent() && data.path("inactive").isEmpty();
            items.add(new Item("accounts", review.name(), ok, summary + (signed.isPresent() ? "; signed by " + signed.get().signature().get().person()
                    : "; not signed this period: tend access sign " + review.name()), review.signer()));
        }
    }

    private static void scanItems(TendConfig config, Database store, Instant now, List<Item> items) {
        var outcomes = new TaskOutcomes(store);
        for (var target : TargetsSection.of(config).stream().filter(target -> target.settings().type().equals("docker")).toList()) {
            var last = outcomes.recent(target.name(), 200).stream()
                    .filter(outcome -> outcome.task().equals("security.scan") && !outcome.dryRun()
                            && (outcome.result() == TaskOutcome.Result.SUCCEEDED || outcome.result() == TaskOutcome.Result.FAILED))
                    .findFirst();
            items.add(last.map(outcome -> new Item("vulnerability scan", target.name(), outcome.result() == TaskOutcome.Result.SUCCEEDED
                                    && outcome.startedAt().isAfter(now.minus(SCAN_EVERY)),
                            "last scan " + LocalDate.ofInstant(outcome.startedAt(), ZoneOffset.UTC) + ": " + outcome.reason(), "Security Team"))
                    .orElse(new Item("vulnerability scan", target.name(), false, "never scanned: tend run security.scan " + target.name(), "Security Team")));
        }
    }

    private static void backupItems(TendConfig config, Database store, Instant now, List<Item> items) {
        for (var backup : BackupsSection.of(config)) {
            var recent = new Verifications(store).recent(backup.name(), 500);
            for (var kind : List.of(Verification.VERIFY, Verification.DRILL)) {
                var every = kind.equals(Verification.VERIFY) ? VERIFY_EVERY : DRILL_EVERY;
                var last = recent.stream().filter(verification -> verification.kind().equals(kind) && verification.passed()).findFirst();
                items.add(last.map(verification -> new Item("backups", backup.name() + " " + kind, verification.startedAt().isAfter(now.minus(every)),
                                "last passed " + LocalDate.ofInstant(verification.startedAt(), ZoneOffset.UTC) + " (" + verification.summary() + ")", DBA))
                        .orElse(new Item("backups", backup.name() + " " + kind, false, "no passed " + kind + " on record: tend backup " + kind + " " + backup.name(), DBA)));
            }
        }
    }

    private static Document document(TendConfig config, ReportPeriod period, Instant now, List<Item> items) {
        long actions = items.stream().filter(item -> !item.ok()).count();
        var document = Document.builder("Security audit " + period.label() + " — " + config.platform().name(),
                "Written " + LocalDate.ofInstant(now, ZoneOffset.UTC) + ": " + items.size() + " items, " + actions + " actions.");
        document.heading("Actions");
        if (actions == 0) document.paragraph("No action: every item is in order.");
        document.bullets(items.stream().filter(item -> !item.ok()).map(item -> item.area() + " — " + item.item() + ": " + item.detail() + " (owner: " + item.owner() + ")").toList());
        document.heading("Every item");
        document.table(List.of("area", "item", "status", "detail", "owner"),
                items.stream().map(item -> List.of(item.area(), item.item(), item.ok() ? "OK" : "ACTION", item.detail(), item.owner())).toList());
        document.heading("Sign-off");
        document.paragraph("The Security Team signs the audit with tend report sign security --as PERSON --comment TEXT; the signature ticks the checklist's security audit item.");
        return document.build();
    }

    private static Map<String, Object> data(ReportPeriod period, Instant now, List<Item> items) {
        var data = new LinkedHashMap<String, Object>();
        data.put("kind", "security");
        data.put("period", period.label());
        data.put("writtenAt", now.toString());
        data.put("items", items.stream().map(item -> Map.of("area", item.area(), "item", item.item(), "status", item.ok() ? "OK" : "ACTION",
                "detail", item.detail(), "owner", item.owner())).toList());
        return data;
    }

    private static String list(tools.jackson.databind.JsonNode names) {
        var all = new ArrayList<String>();
        names.forEach(name -> all.add(name.asString()));
        return AccessReview.names(all);
    }
}
