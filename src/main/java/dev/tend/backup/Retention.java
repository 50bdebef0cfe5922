package dev.tend.backup;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Grandfather-father-son retention. A backup is kept while it is young enough for the daily term,
 * or is its week's newest (or labelled weekly) within the weekly term, or its month's newest (or
 * labelled monthly) within the monthly term. The newest backup and the newest verified one are
 * always kept. Weeks (ISO, Monday first) and months are those of the platform's time zone.
 */
public final class Retention {
    private Retention() {}

    /** What happens to one backup, and why, in words a dry run can print. */
    public record Decision(Manifest backup, boolean keep, String reason) {}

    static List<Decision> decide(List<Manifest> newestFirst, RetentionPolicy policy, Instant now, ZoneId zone,
            Optional<String> newestVerified) {
        var newestOfWeek = newestPer(newestFirst, manifest -> {
            var date = manifest.startedAt().atZone(zone);
            return date.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        });
        var newestOfMonth = newestPer(newestFirst, manifest -> manifest.startedAt().atZone(zone).toLocalDate().withDayOfMonth(1).toString().substring(0, 7));
        var decisions = new ArrayList<Decision>();
        for (int index = 0; index < newestFirst.size(); index++) {
            var backup = newestFirst.get(index);
            var age = Duration.between(backup.startedAt(), now);
            var days = age.toDays();
            boolean weekly = newestOfWeek.contains(backup.id()) || "weekly".equals(backup.retentionClass());
            boolean monthly = newestOfMonth.contains(backup.id()) || "monthly".equals(backup.retentionClass());
            String keep = null;
            if (index == 0) {
                keep = "the newest backup";
            } else if (newestVerified.filter(backup.id()::equals).isPresent()) {
                keep = "the newest verified backup";
            } else if (age.compareTo(policy.daily()) <= 0) {
                keep = "daily: " + days + " days old, kept for " + policy.daily().toDays() + " days";
            } else if (weekly && age.compareTo(policy.weekly()) <= 0) {
                keep = "weekly: " + days + " days old, kept for " + policy.weekly().toDays() + " days";
            } else if (monthly && policy.monthly().isPresent() && age.compareTo(policy.monthly().get()) <= 0) {
                keep = "monthly: " + days + " days old, kept for " + policy.monthly().get().toDays() + " days";
            }
            decisions.add(keep != null ? new Decision(backup, true, keep)
                    : new Decision(backup, false, days + " days old: " + expired(policy, weekly, monthly)));
        }
        return decisions;
    }

    private static String expired(RetentionPolicy policy, boolean weekly, boolean monthly) {
        var reason = new StringBuilder("past the daily term (" + policy.daily().toDays() + " days)");
        reason.append(weekly ? ", past the weekly term (" + policy.weekly().toDays() + " days)" : ", not the newest of its week");
        if (policy.monthly().isPresent()) {
            reason.append(monthly ? ", past the monthly term (" + policy.monthly().get().toDays() + " days)" : ", not the newest of its month");
        }
        return reason.toString();
    }

    private static Set<String> newestPer(List<Manifest> newestFirst, Function<Manifest, String> period) {
        var seen = new HashSet<String>();
        var newest = new HashSet<String>();
        for (var backup : newestFirst) {
            if (seen.add(period.apply(backup))) newest.add(backup.id());
        }
        return newest;
    }
}
