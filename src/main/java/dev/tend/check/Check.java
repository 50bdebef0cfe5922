package dev.tend.check;

import java.time.Duration;

/**
 * A read-only probe of one aspect of a target. A probe may throw when the target cannot be
 * reached (the runner turns that into CRIT with a readable reason); anything it can judge, it
 * returns as a {@link Verdict}.
 */
public interface Check {

    /** Short and stable, unique within its target: "ping", "disk:/var". */
    String name();

    /** Runs the probe. {@code timeout} bounds every connect and read the probe makes. */
    Verdict run(Duration timeout) throws Exception;
}
