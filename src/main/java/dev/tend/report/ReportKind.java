package dev.tend.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The reports Tend writes, the role that signs each (as the runbooks' checklists assign them) and the period each covers by default. */
public enum ReportKind {
    CAPACITY("System Administrator", ReportPeriod.Unit.QUARTER),
    PERFORMANCE("System Administrator", ReportPeriod.Unit.WEEK),
    ACCESS("Security Team", ReportPeriod.Unit.MONTH),
    SECURITY("Security Team", ReportPeriod.Unit.QUARTER);

    private final String signer;
    private final ReportPeriod.Unit period;

    ReportKind(String signer, ReportPeriod.Unit period) {
        this.signer = signer;
        this.period = period;
    }

    public String signer() {
        return signer;
    }

    public ReportPeriod.Unit period() {
        return period;
    }

    /** capacity, performance, access, security: the name used on the command line and in the store. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportKind> named(String name) {
        return Arrays.stream(values()).filter(kind -> kind.id().equals(name)).findFirst();
    }
}
