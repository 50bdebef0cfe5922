package dev.tend.check;

import java.util.ArrayList;
import java.util.List;

/** What a probe concluded: the status, a sentence a person can act on, and the figures behind it. */
public record Verdict(Status status, String reason, List<Measurement> measurements) {

    public static Builder builder() {
        return new Builder();
    }

    /** Collects measurements while a probe works, then states the conclusion. */
    public static final class Builder {
        private final List<Measurement> measurements = new ArrayList<>();

        public Builder measure(String name, double value, String unit) {
            measurements.add(new Measurement(name, value, unit));
            return this;
        }

        public Verdict verdict(Status status, String reason) {
            return new Verdict(status, reason, List.copyOf(measurements));
        }

        public Verdict ok(String reason) {
            return verdict(Status.OK, reason);
        }

        public Verdict crit(String reason) {
            return verdict(Status.CRIT, reason);
        }
    }
}
