package dev.tend.schedule;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * A five-field Unix cron expression (minute hour day-of-month month day-of-week), plus {@code L},
 * {@code W} and {@code SUN#1} ("the first Sunday"). It is evaluated on wall-clock (local) times
 * only: turning a local time into an instant, where daylight saving skips or repeats it, is the
 * job of {@link ZonedCron} and its explicit policy — never of the cron library's own guesses.
 */
public final class CronExpression {
    private static final CronDefinition UNIX_WITH_NTH_WEEKDAY = CronDefinitionBuilder.defineCron()
            .withMinutes().withValidRange(0, 59).and()
            .withHours().withValidRange(0, 23).and()
            .withDayOfMonth().withValidRange(1, 31).supportsL().supportsW().and()
            .withMonth().withValidRange(1, 12).and()
            .withDayOfWeek().withValidRange(0, 7).withMondayDoWValue(1).withIntMapping(7, 0).supportsHash().supportsL().and()
            .instance();
    private static final CronParser PARSER = new CronParser(UNIX_WITH_NTH_WEEKDAY);
    private final String text;
    private final Cron cron;
    private final ExecutionTime execution;

    private CronExpression(String text, Cron cron) {
        this.text = text;
        this.cron = cron;
        this.execution = ExecutionTime.forCron(cron);
    }

    /** Parses, or throws IllegalArgumentException with a message fit for a config error. */
    public static CronExpression parse(String text) {
        var trimmed = text.trim();
        if (trimmed.split("\\s+").length != 5) {
            throw new IllegalArgumentException("a cron expression has five fields (minute hour day-of-month month day-of-week), '"
                    + text + "' has " + trimmed.split("\\s+").length);
        }
        try {
            return new CronExpression(trimmed, PARSER.parse(trimmed));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid cron expression: " + e.getMessage());
        }
    }

    /** The first matching wall-clock minute strictly after {@code after}. */
    public Optional<LocalDateTime> nextAfter(LocalDateTime after) {
        // UTC has no daylight saving, so the library sees every wall-clock minute exactly once.
        return execution.nextExecution(after.atZone(ZoneOffset.UTC)).map(next -> next.toLocalDateTime());
    }

    /** "at 01:00 on the first Sunday of every month", for plans and listings. */
    public String describe() {
        return CronDescriptor.instance(Locale.ENGLISH).describe(cron);
    }

    @Override
    public String toString() {
        return text;
    }
}
