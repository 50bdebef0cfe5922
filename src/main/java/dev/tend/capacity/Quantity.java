package dev.tend.capacity;

import java.util.List;
import java.util.Optional;

/**
 * A figure Tend measures that grows towards a limit: a volume's use, a database's size, Redis
 * memory against maxmemory, the room left for the next backup. Read from the daily rollups of one
 * measurement (minus another when it is a difference), scaled into its unit; {@code levels} are
 * the points on the way to full (percent quantities: the runbooks' 70/80/90% and 100%), empty
 * when Tend knows no capacity, so only the growth is told.
 */
public record Quantity(String target, String name, String what, Source source, Optional<Source> minus, String unit, double scale,
        Direction direction, List<Double> levels) {

    /** Rising towards a ceiling (use), or falling towards a floor (room left). */
    public enum Direction { RISING, FALLING }

    /** A check's measurement in the daily rollups. */
    public record Source(String check, String measurement) {}

    /** The forecast check's name: {@code forecast:} and the quantity. */
    public String checkName() {
        return "forecast:" + name;
    }

    public boolean percent() {
        return "%".equals(unit);
    }
}
