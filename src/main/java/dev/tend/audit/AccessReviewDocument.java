package dev.tend.audit;

import dev.tend.report.Document;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** An access review as a document: findings first, then the powerful, the changes, and every account. */
final class AccessReviewDocument {
    private AccessReviewDocument() {}

    static Document of(AccessReview review) {
        var document = Document.builder("Access review " + review.settings().name(), review.source() + ", " + review.at());
        appendTo(document, review);
        return document.build();
    }

    static void appendTo(Document.Builder document, AccessReview review) {
        document.heading("Findings (" + review.settings().name() + ")");
        if (review.findings().isEmpty()) document.paragraph("No findings: no inactive account, no expired or missing password, no new administrator.");
        document.bullets(review.findings());
        document.paragraph("Superusers: " + AccessReview.names(review.superusers()) + ". Administrators: " + AccessReview.names(review.admins()) + ".");
        review.changes().ifPresentOrElse(changes -> document.paragraph(changes.any()
                        ? "Since the review signed " + changes.signedAt() + ": new accounts " + AccessReview.names(changes.newAccounts()) + "; removed "
                                + AccessReview.names(changes.removedAccounts()) + "; new administrators " + AccessReview.names(changes.newAdmins()) + "; new superusers "
                                + AccessReview.names(changes.newSuperusers()) + "; new roles " + AccessReview.names(changes.newRoles()) + "."
                        : "Nothing changed since the review signed " + changes.signedAt() + "."),
                () -> document.paragraph("No signed review to compare with: this is the first."));
        var rows = new ArrayList<List<String>>();
        for (var account : review.accounts()) {
            rows.add(List.of(account.name(), String.join(", ", account.roles()), account.superuser() ? "superuser" : account.admin() ? "admin" : "",
                    account.canLogin() ? "yes" : "no", account.lastSeen().map(seen -> LocalDate.ofInstant(seen, ZoneOffset.UTC).toString()).orElse("-"),
                    String.join("; ", account.notes())));
        }
        document.table(List.of("account", "roles", "power", "login", "last seen", "notes"), rows);
        document.bullets(review.notes());
    }
}
