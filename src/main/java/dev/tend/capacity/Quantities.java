package dev.tend.capacity;

import dev.tend.capacity.Quantity.Direction;
import dev.tend.capacity.Quantity.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which measurements are growing quantities worth a forecast, by target type. Names are the
 * checks' own (host {@code disk:/var}, postgres {@code database-size}...), so this catalog knows no
 * feature's classes, only what they record.
 */
public final class Quantities {
    /** PostgreSQL stops accepting writes near 2^31 transactions of age. */
    static final double WRAPAROUND = 2_147_483_648.0;
    static final List<Double> PERCENT_LEVELS = List.of(70.0, 80.0, 90.0, 100.0);
    /** Every measurement a quantity reads: a report fetches these rows only. */
    static final Set<String> MEASUREMENTS = Set.of("used", "size", "largest_table", "xid_age", "sequence_used", "bytes", "free");

    private Quantities() {}

    /** The quantities of one target, among the measurements it has history of. */
    public static List<Quantity> of(String target, String type, Set<Source> recorded) {
        var quantities = new ArrayList<Quantity>();
        for (var source : recorded) {
            var check = source.check();
            switch (type + " " + source.measurement()) {
                case "host used" -> {
                    if (check.startsWith("disk:")) quantities.add(percent(target, check, "volume " + check.substring(5), source));
                }
                case "host size" -> {
                    if (check.startsWith("dir:")) quantities.add(growth(target, check, "directory " + check.substring(4), source));
                }
                case "postgres size" -> {
                    if (check.equals("database-size")) quantities.add(growth(target, "database-size", "database size", source));
                }
                case "postgres largest_table" -> quantities.add(growth(target, "largest-table", "largest table", source));
                case "postgres xid_age" -> quantities.add(new Quantity(target, "wraparound", "transaction-ID age (of the 2^31 wraparound limit)",
                        source, Optional.empty(), "%", 100.0 / WRAPAROUND, Direction.RISING, PERCENT_LEVELS));
                case "postgres sequence_used" -> quantities.add(percent(target, "sequences", "most-used sequence", source));
                case "redis used" -> {
                    if (check.equals("memory")) quantities.add(percent(target, "memory", "memory of maxmemory", source));
                }
                case "s3 bytes" -> quantities.add(growth(target, "usage", "bucket size", source));
                case "backup free" -> {
                    var size = new Source("freshness", "size");
                    if (recorded.contains(size)) {
                        quantities.add(new Quantity(target, "backup-room", "room for the next backup (destination free space less the latest backup)",
                                source, Optional.of(size), "bytes", 1, Direction.FALLING, List.of(0.0)));
                    }
                }
                default -> { }
            }
        }
        quantities.sort(java.util.Comparator.comparing(Quantity::name));
        return quantities;
    }

    private static Quantity percent(String target, String name, String what, Source source) {
        return new Quantity(target, name, what, source, Optional.empty(), "%", 1, Direction.RISING, PERCENT_LEVELS);
    }

    private static Quantity growth(String target, String name, String what, Source source) {
        return new Quantity(target, name, what, source, Optional.empty(), "bytes", 1, Direction.RISING, List.of());
    }
}
