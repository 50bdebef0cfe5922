package dev.tend.audit;

import dev.tend.config.TendConfig;
import dev.tend.people.PeopleSection;
import dev.tend.report.Markdown;
import dev.tend.report.Reports;
import dev.tend.report.StoredReport;
import dev.tend.store.Database;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access reviews as evidence: each review is kept with the accounts it listed; the signer (a person
 * holding the review's signer role) signs the newest one, and the signature and the reviewed list
 * stay together. A signed review ticks the checklists' "Audit user accounts".
 */
public final class AccessReviews {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final TendConfig config;
    private final Database store;
    private final Clock clock;

    public AccessReviews(TendConfig config, Database store, Clock clock) {
        this.config = config;
        this.store = store;
        this.clock = clock;
    }

    /** A review and the id it is kept under. */
    public record Kept(AccessReview review, long id) {}

    /** Signing refused, with the reason a person can act on. */
    public static final class SignRefused extends Exception {
        public SignRefused(String message) {
            super(message);
        }
    }

    public Kept review(AccessReviewSettings settings) throws Exception {
        var review = new AccessReviewer(config, store, clock).review(settings);
        var period = LocalDate.ofInstant(review.at(), ZoneOffset.UTC).toString();
        long id = new Reports(store).save(AccessReviewer.KIND, settings.name(), period, review.at(), Markdown.render(AccessReviewDocument.of(review)),
                JSON.writeValueAsString(review.data()));
        return new Kept(review, id);
    }

    /** Signs the newest review of the name; it must not be signed yet and the person must hold the signer role. */
    public StoredReport sign(AccessReviewSettings settings, String person, String comment) throws SignRefused {
        var signer = PeopleSection.named(config, person).orElseThrow(() -> new SignRefused("no person named '" + person + "' in people:"));
        if (!signer.holds(settings.signer())) {
            throw new SignRefused(person + " does not hold the role " + settings.signer() + " that signs access review " + settings.name()
                    + " (roles: " + String.join(", ", signer.roles()) + ")");
        }
        var reports = new Reports(store);
        var newest = reports.recent(AccessReviewer.KIND, settings.name(), 1).stream().findFirst()
                .orElseThrow(() -> new SignRefused("access review " + settings.name() + " has not been run yet: tend access review " + settings.name()));
        if (newest.signature().isPresent()) {
            throw new SignRefused("the newest review of " + settings.name() + " (" + newest.id() + ") is already signed by " + newest.signature().get().person()
                    + "; run tend access review " + settings.name() + " for a new one");
        }
        var signature = new StoredReport.Signature(signer.name(), settings.signer(), comment, clock.instant());
        if (!reports.sign(newest.id(), signature)) throw new SignRefused("review " + newest.id() + " was signed by someone else meanwhile");
        return reports.byId(newest.id()).orElseThrow();
    }
}
