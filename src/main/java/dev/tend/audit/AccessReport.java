package dev.tend.audit;

import dev.tend.config.TendConfig;
import dev.tend.report.Document;
import dev.tend.report.ReportPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The monthly user account audit: every access review run now, one after the other, and the rotations. */
public final class AccessReport {
    private AccessReport() {}

    public record Built(Document document, Map<String, Object> data) {}

    public static Built build(TendConfig config, ReportPeriod period, Instant now, List<AccessReviews.Kept> reviews, List<Rotations.State> rotations) {
        var document = Document.builder("User account audit " + period.label() + " — " + config.platform().name(),
                "Written " + LocalDate.ofInstant(now, ZoneOffset.UTC) + " from " + reviews.size() + " access reviews.");
        if (reviews.isEmpty()) document.paragraph("No access review is configured: add them under accessReviews: in tend.yaml.");
        reviews.forEach(kept -> AccessReviewDocument.appendTo(document, kept.review()));
        document.heading("Secret rotations");
        if (rotations.isEmpty()) document.paragraph("No rotation is configured (rotations: in tend.yaml).");
        document.bullets(rotations.stream().map(state -> (state.overdue() ? "OVERDUE " : "") + state.describe(now)).toList());
        document.heading("Sign-off");
        document.paragraph("The Security Team signs with tend report sign access --as PERSON --comment TEXT (or each review with tend access sign NAME).");
        var data = new LinkedHashMap<String, Object>();
        data.put("kind", "access");
        data.put("period", period.label());
        data.put("writtenAt", now.toString());
        data.put("reviews", reviews.stream().map(kept -> {
            var row = new LinkedHashMap<String, Object>(kept.review().data());
            row.put("id", kept.id());
            return row;
        }).toList());
        data.put("overdueRotations", rotations.stream().filter(Rotations.State::overdue).map(state -> state.settings().name()).toList());
        return new Built(document.build(), data);
    }
}
