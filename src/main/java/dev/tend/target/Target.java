package dev.tend.target;

import dev.tend.check.Check;
import dev.tend.check.CheckContext;
import java.util.List;

/** A maintained component and how to reach it. Holds secrets only as {@link dev.tend.config.Secret}. */
public interface Target {

    TargetSettings settings();

    /** The read-only probes of this target, built fresh for each run. */
    List<Check> checks(CheckContext context);

    default String name() {
        return settings().name();
    }
}
