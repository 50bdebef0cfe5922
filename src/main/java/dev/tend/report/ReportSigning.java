package dev.tend.report;

import dev.tend.config.TendConfig;
import dev.tend.people.PeopleSection;
import dev.tend.store.Database;
import java.time.Clock;

/** The responsible role signs the newest report of a kind; the signature makes it checklist evidence. */
public final class ReportSigning {
    static final String NAME = "report";
    private final TendConfig config;
    private final Database store;
    private final Clock clock;

    public ReportSigning(TendConfig config, Database store, Clock clock) {
        this.config = config;
        this.store = store;
        this.clock = clock;
    }

    /** Signing refused, with the reason a person can act on. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** Keeps a written report of the kind for signing; returns its id. */
    public long keep(ReportKind kind, ReportPeriod period, String markdown, String data) {
        return new Reports(store).save(kind.id(), NAME, period.label(), clock.instant(), markdown, data);
    }

    public StoredReport sign(ReportKind kind, String person, String comment) throws Refused {
        var signer = PeopleSection.named(config, person).orElseThrow(() -> new Refused("no person named '" + person + "' in people:"));
        if (!signer.holds(kind.signer())) {
            throw new Refused(person + " does not hold the role " + kind.signer() + " that signs the " + kind.id() + " report (roles: "
                    + String.join(", ", signer.roles()) + ")");
        }
        var reports = new Reports(store);
        var newest = reports.recent(kind.id(), NAME, 1).stream().findFirst()
                .orElseThrow(() -> new Refused("no " + kind.id() + " report to sign: write one with tend report " + kind.id()));
        if (newest.signature().isPresent()) {
            throw new Refused("the newest " + kind.id() + " report (" + newest.id() + ", " + newest.period() + ") is already signed by "
                    + newest.signature().get().person() + "; write a new one with tend report " + kind.id());
        }
        if (!reports.sign(newest.id(), new StoredReport.Signature(signer.name(), kind.signer(), comment, clock.instant()))) {
            throw new Refused("report " + newest.id() + " was signed by someone else meanwhile");
        }
        return reports.byId(newest.id()).orElseThrow();
    }
}
