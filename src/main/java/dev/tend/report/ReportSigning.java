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
        return signNewest(kind.id(), NAME, kind.signer(), "the " + kind.id() + " report", "tend report " + kind.id(), person, comment);
    }

    /**
     * Signs the newest kept report of (kind, name) — a report, an access review — as a person
     * holding the role; {@code what} names it in refusals, {@code write} is the command that makes a new one.
     */
    public StoredReport signNewest(String kind, String name, String role, String what, String write, String person, String comment) throws Refused {
        var signer = PeopleSection.named(config, person).orElseThrow(() -> new Refused("no person named '" + person + "' in people:"));
        if (!signer.holds(role)) {
            throw new Refused(person + " does not hold the role " + role + " that signs " + what + " (roles: " + String.join(", ", signer.roles()) + ")");
        }
        var reports = new Reports(store);
        var newest = reports.recent(kind, name, 1).stream().findFirst()
                .orElseThrow(() -> new Refused("nothing to sign: " + what + " has not been written yet (" + write + ")"));
        if (newest.signature().isPresent()) {
            throw new Refused("the newest of " + what + " (" + newest.id() + ", " + newest.period() + ") is already signed by "
                    + newest.signature().get().person() + "; write a new one with " + write);
        }
        if (!reports.sign(newest.id(), new StoredReport.Signature(signer.name(), role, comment, clock.instant()))) {
            throw new Refused(newest.id() + " was signed by someone else meanwhile");
        }
        return reports.byId(newest.id()).orElseThrow();
    }
}
