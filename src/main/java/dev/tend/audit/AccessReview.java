package dev.tend.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The accounts of one review and what they add up to: inactive accounts, administrators and
 * superusers by name, accounts per role, findings in sentences, and what changed since the last
 * signed review. {@link #data()} is what is stored and what {@code --json} prints.
 */
public record AccessReview(AccessReviewSettings settings, String source, Instant at, List<Account> accounts, List<String> inactive,
        List<String> findings, List<String> notes, Optional<Changes> changes) {

    /** Differences from the last signed review of the same name. */
    public record Changes(long since, Instant signedAt, List<String> newAccounts, List<String> removedAccounts, List<String> newAdmins,
            List<String> newSuperusers, List<String> newRoles) {
        public boolean any() {
            return !newAccounts.isEmpty() || !removedAccounts.isEmpty() || !newAdmins.isEmpty() || !newSuperusers.isEmpty() || !newRoles.isEmpty();
        }
    }

    /** Names as a review writes them: "ana, eve", or "none". */
    public static String names(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    public List<String> admins() {
        return accounts.stream().filter(Account::admin).map(Account::name).toList();
    }

    public List<String> superusers() {
        return accounts.stream().filter(Account::superuser).map(Account::name).toList();
    }

    public Map<String, Integer> roleCounts() {
        var counts = new TreeMap<String, Integer>();
        accounts.forEach(account -> account.roles().forEach(role -> counts.merge(role, 1, Integer::sum)));
        return counts;
    }

    public Map<String, Object> data() {
        var data = new LinkedHashMap<String, Object>();
        data.put("name", settings.name());
        data.put("target", settings.target());
        data.put("source", source);
        data.put("reviewedAt", at.toString());
        data.put("inactiveAfterDays", settings.inactiveAfter().toDays());
        data.put("accounts", accounts.stream().map(account -> {
            var row = new LinkedHashMap<String, Object>();
            row.put("name", account.name());
            row.put("roles", account.roles());
            row.put("superuser", account.superuser());
            row.put("admin", account.admin());
            row.put("canLogin", account.canLogin());
            row.put("lastSeen", account.lastSeen().map(Instant::toString).orElse(null));
            row.put("notes", account.notes());
            return row;
        }).toList());
        data.put("inactive", inactive);
        data.put("admins", admins());
        data.put("superusers", superusers());
        data.put("roleCounts", roleCounts());
        data.put("findings", findings);
        data.put("notes", notes);
        data.put("changes", changes.map(change -> {
            var row = new LinkedHashMap<String, Object>();
            row.put("since", change.since());
            row.put("signedAt", change.signedAt().toString());
            row.put("newAccounts", change.newAccounts());
            row.put("removedAccounts", change.removedAccounts());
            row.put("newAdmins", change.newAdmins());
            row.put("newSuperusers", change.newSuperusers());
            row.put("newRoles", change.newRoles());
            return row;
        }).orElse(null));
        return data;
    }

    /** Findings plus the changes that need a second look. */
    static List<String> withChanges(List<String> findings, Optional<Changes> changes) {
        var all = new ArrayList<>(findings);
        changes.ifPresent(change -> {
            if (!change.newSuperusers().isEmpty()) all.add("new superusers since the review signed " + change.signedAt() + ": " + String.join(", ", change.newSuperusers()));
            if (!change.newAdmins().isEmpty()) all.add("new administrators since the review signed " + change.signedAt() + ": " + String.join(", ", change.newAdmins()));
            if (!change.newRoles().isEmpty()) all.add("new roles since the review signed " + change.signedAt() + ": " + String.join(", ", change.newRoles()));
        });
        return all;
    }
}
