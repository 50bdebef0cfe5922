package dev.tend.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A cron expression in a time zone with a daylight-saving policy: a sequence of instants. */
public record ZonedCron(CronExpression cron, ZoneId zone, DstPolicy dst) {
    /** The longest daylight-saving shift anywhere (Lord Howe is 30 min; most are 1 h): how far back to look for a repeat. */
    private static final Duration LONGEST_SHIFT = Duration.ofHours(3);

    /** The first occurrence strictly after {@code after}. */
    public Optional<Instant> next(Instant after) {
        // Start a little early in wall-clock time: after a fall-back the second copy of a repeated
        // hour lies at an earlier wall-clock time than 'after' shows.
        var local = LocalDateTime.ofInstant(after, zone).minus(LONGEST_SHIFT);
        for (int guard = 0; guard < 10_000; guard++) {
            var match = cron.nextAfter(local);
            if (match.isEmpty()) return Optional.empty();
            local = match.get();
            for (var instant : resolve(local)) {
                if (instant.isAfter(after)) return Optional.of(instant);
            }
        }
        return Optional.empty();
    }

    /** Every occurrence in [from, to), in order. */
    public List<Instant> between(Instant from, Instant to) {
        var occurrences = new ArrayList<Instant>();
        var cursor = from.minusNanos(1);
        while (true) {
            var next = next(cursor);
            if (next.isEmpty() || !next.get().isBefore(to)) return occurrences;
            occurrences.add(next.get());
            cursor = next.get();
        }
    }

    /** The instants a wall-clock time stands for under this zone's rules and the policy. */
    List<Instant> resolve(LocalDateTime local) {
        var offsets = zone.getRules().getValidOffsets(local);
        if (offsets.size() == 1) return List.of(local.atOffset(offsets.get(0)).toInstant());
        if (offsets.isEmpty()) {
            // In a gap: ZonedDateTime.of moves the time forward by the gap's length.
            return dst.skipped() == DstPolicy.Skipped.SKIP ? List.of() : List.of(ZonedDateTime.of(local, zone).toInstant());
        }
        var earlier = local.atOffset(offsets.get(0)).toInstant();
        var later = local.atOffset(offsets.get(1)).toInstant();
        var first = earlier.isBefore(later) ? earlier : later;
        var second = earlier.isBefore(later) ? later : earlier;
        return switch (dst.repeated()) {
            case FIRST -> List.of(first);
            case SECOND -> List.of(second);
            case BOTH -> List.of(first, second);
        };
    }

    @Override
    public String toString() {
        return cron + " (" + zone.getId() + ")";
    }
}
