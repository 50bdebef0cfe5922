package dev.tend.cli;

import static dev.tend.audit.AccessReview.names;

import dev.tend.audit.AccessReviews;
import dev.tend.check.DailyRollups;
import dev.tend.schedule.WindowsSection;
import dev.tend.store.Stores;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/** {@code tend access review NAME}: lists the accounts, judges them, keeps the review for signing. */
@Command(name = "review", footerHeading = "%nExamples:%n", footer = {"  tend access review db-roles", "  tend access review app-users --json"},
        description = "Review the accounts of an accessReviews: entry; the review is kept for signing. Exit 1 when it has findings.")
final class AccessReviewCommand implements Callable<Integer> {
    private final Main.Environment environment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "the review's name under accessReviews:")
    String name;

    @Option(names = "--json", description = "print the review as JSON (inactive, admins, superusers are arrays of names)")
    boolean json;

    AccessReviewCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        var config = AccessCommand.config(spec);
        var settings = AccessCommand.review(spec, config, name);
        var out = spec.commandLine().getOut();
        try (var store = Stores.open(config.store())) {
            // "Last seen" comes from the session counts in the daily rollups: bring them up to date first.
            new DailyRollups(store, WindowsSection.calendar(config)).due(environment.clock(), 90);
            var kept = new AccessReviews(config, store, environment.clock()).review(settings);
            var review = kept.review();
            if (json) {
                var data = new java.util.LinkedHashMap<String, Object>(review.data());
                data.put("id", kept.id());
                out.println(JsonMapper.builder().build().writeValueAsString(data));
            } else {
                out.println("access review " + settings.name() + " (" + review.source() + "): " + review.accounts().size() + " accounts, kept as review "
                        + kept.id());
                out.println("superusers: " + names(review.superusers()));
                out.println("administrators: " + names(review.admins()));
                out.println("inactive (over " + settings.inactiveAfter().toDays() + " days): " + names(review.inactive()));
                review.roleCounts().forEach((role, count) -> out.println("role " + role + ": " + count + " accounts"));
                review.changes().ifPresentOrElse(changes -> out.println("since the review signed " + changes.signedAt() + ": new accounts "
                                + names(changes.newAccounts()) + ", removed " + names(changes.removedAccounts()) + ", new administrators "
                                + names(changes.newAdmins()) + ", new superusers " + names(changes.newSuperusers()) + ", new roles " + names(changes.newRoles())),
                        () -> out.println("no signed review to compare with yet"));
                review.findings().forEach(finding -> out.println("FINDING " + finding));
                review.notes().forEach(note -> out.println("note: " + note));
                out.println("sign it: tend access sign " + settings.name() + " --as PERSON --comment TEXT (a person holding " + settings.signer() + ")");
            }
            out.flush();
            return review.findings().isEmpty() ? 0 : 1;
        }
    }
}
