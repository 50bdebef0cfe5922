package dev.tend.audit;

import dev.tend.check.DailyRollups;
import dev.tend.config.TendConfig;
import dev.tend.postgres.PostgresTarget;
import dev.tend.redis.RedisTarget;
import dev.tend.report.Reports;
import dev.tend.store.Database;
import dev.tend.target.TargetsSection;
import dev.tend.window.MaintenanceWindows;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs one access review: lists the accounts, judges inactivity, names the powerful, and compares with the last signed review. */
public final class AccessReviewer {
    static final String KIND = "access";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final TendConfig config;
    private final Database store;
    private final Clock clock;

    public AccessReviewer(TendConfig config, Database store, Clock clock) {
        this.config = config;
        this.store = store;
        this.clock = clock;
    }

    public AccessReview review(AccessReviewSettings settings) throws Exception {
        var now = clock.instant();
        var target = TargetsSection.named(config, settings.target()).orElseThrow();
        var rollups = new DailyRollups(store, MaintenanceWindows.none());
        Optional<LocalDate> recordedSince = Optional.empty();
        Listing listing;
        try {
            if (target instanceof RedisTarget redis) {
                listing = RedisUsers.list(redis, settings, TIMEOUT);
            } else if (settings.users().isPresent()) {
                listing = ApplicationUsers.list((PostgresTarget) target, settings, TIMEOUT);
            } else {
                listing = PostgresRoles.list((PostgresTarget) target, settings, rollups, now, TIMEOUT);
                recordedSince = PostgresRoles.recordedSince((PostgresTarget) target, rollups);
            }
        } catch (Exception e) {
            // Which review, which target, where: the reason alone ("connection refused") names none of them.
            throw new ReviewFailed("access review " + settings.name() + ": target " + target.name() + " ("
                    + (target instanceof RedisTarget redis ? redis.where() : ((PostgresTarget) target).where()) + "): "
                    + config.redactor().redact(dev.tend.check.Failures.describe(e)), e);
        }
        var cutoff = now.minus(settings.inactiveAfter());
        boolean neverSeenCounts = recordedSince.filter(first -> !first.atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(cutoff)).isPresent();
        boolean judged = !(target instanceof RedisTarget);
        var changes = changesSince(settings, listing.accounts());
        // An account new since the last signed review was never seen because it is new: it is listed as new, not inactive.
        var fresh = changes.map(AccessReview.Changes::newAccounts).orElse(List.of());
        var inactive = new ArrayList<String>();
        var findings = new ArrayList<String>();
        for (var account : listing.accounts()) {
            if (!judged || !account.canLogin()) continue;
            boolean stale = account.lastSeen().map(seen -> seen.isBefore(cutoff))
                    .orElse(settings.users().isPresent() ? account.notes().contains("never logged in") : neverSeenCounts && !fresh.contains(account.name()));
            if (stale) inactive.add(account.name());
        }
        if (!inactive.isEmpty()) {
            findings.add(inactive.size() + " accounts inactive for over " + settings.inactiveAfter().toDays() + " days: " + String.join(", ", inactive)
                    + " — disable or remove them, or record why they stay");
        }
        listing.accounts().forEach(account -> account.notes().stream().filter(note -> note.startsWith("password expired") || note.equals("no password"))
                .forEach(note -> findings.add(account.name() + ": " + note)));
        return new AccessReview(settings, listing.source(), now, listing.accounts(), List.copyOf(inactive),
                AccessReview.withChanges(findings, changes), listing.notes(), changes);
    }

    /** The accounts could not be listed: the review, its target and the reason. */
    public static final class ReviewFailed extends Exception {
        ReviewFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Compares with the newest signed review of the same name: what the signer has not seen yet. */
    private Optional<AccessReview.Changes> changesSince(AccessReviewSettings settings, List<Account> accounts) {
        var signed = new Reports(store).recent(KIND, settings.name(), 100).stream().filter(report -> report.signature().isPresent()).findFirst();
        if (signed.isEmpty()) return Optional.empty();
        var before = JsonMapper.builder().build().readTree(signed.get().data());
        var names = accounts.stream().map(Account::name).toList();
        var oldNames = names(before.path("accounts"), "name");
        var oldAdmins = names(before.path("admins"), null);
        var oldSupers = names(before.path("superusers"), null);
        var oldRoles = new HashSet<String>();
        before.path("roleCounts").propertyNames().forEach(oldRoles::add);
        return Optional.of(new AccessReview.Changes(signed.get().id(), signed.get().signature().get().at(),
                names.stream().filter(name -> !oldNames.contains(name)).toList(),
                oldNames.stream().filter(name -> !names.contains(name)).sorted().toList(),
                accounts.stream().filter(Account::admin).map(Account::name).filter(name -> !oldAdmins.contains(name)).toList(),
                accounts.stream().filter(Account::superuser).map(Account::name).filter(name -> !oldSupers.contains(name)).toList(),
                accounts.stream().flatMap(account -> account.roles().stream()).distinct().filter(role -> !oldRoles.contains(role)).sorted().toList()));
    }

    private static Set<String> names(JsonNode array, String field) {
        var names = new HashSet<String>();
        array.forEach(node -> names.add(field == null ? node.asString() : node.path(field).asString()));
        return names;
    }
}
