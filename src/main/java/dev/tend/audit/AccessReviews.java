package dev.tend.audit;

import dev.tend.config.TendConfig;
import dev.tend.report.Markdown;
import dev.tend.report.ReportSigning;
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

    public Kept review(AccessReviewSettings settings) throws Exception {
        var review = new AccessReviewer(config, store, clock).review(settings);
        var period = LocalDate.ofInstant(review.at(), ZoneOffset.UTC).toString();
        long id = new Reports(store).save(AccessReviewer.KIND, settings.name(), period, review.at(), Markdown.render(AccessReviewDocument.of(review)),
                JSON.writeValueAsString(review.data()));
        return new Kept(review, id);
    }

    /** Signs the newest review of the name; it must not be signed yet and the person must hold the signer role. */
    public StoredReport sign(AccessReviewSettings settings, String person, String comment) throws ReportSigning.Refused {
        return new ReportSigning(config, store, clock).signNewest(AccessReviewer.KIND, settings.name(), settings.signer(), "access review " + settings.name(),
                "tend access review " + settings.name(), person, comment);
    }
}
