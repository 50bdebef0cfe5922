package dev.tend.cli;

import dev.tend.audit.AccessReviewSettings;
import dev.tend.audit.AccessReviewsSection;
import dev.tend.config.TendConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code tend access ...}: account reviews and secret rotations, signed by the security team. */
@Command(name = "access", footerHeading = "%nExamples:%n",
        footer = {"  tend access review db-roles", "  tend access sign db-roles --as dana --comment \"removed old_report\"",
                "  tend access rotations", "  tend access rotated api-keys --as dana --comment \"new keys in vault\""},
        description = "Access reviews (accounts, administrators, inactivity) and secret rotations.",
        subcommands = {AccessReviewCommand.class, AccessSignCommand.class, AccessRotationsCommand.class, AccessRotatedCommand.class})
final class AccessCommand implements Runnable {

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static TendConfig config(CommandSpec spec) throws dev.tend.config.ConfigException {
        return ((TendCommand) spec.parent().parent().userObject()).loadConfig();
    }

    static AccessReviewSettings review(CommandSpec spec, TendConfig config, String name) {
        return AccessReviewsSection.named(config, name).orElseThrow(() -> new ParameterException(spec.commandLine(), "no access review named '" + name
                + "'" + (AccessReviewsSection.of(config).isEmpty() ? "; add one under accessReviews: in tend.yaml"
                : "; access reviews: " + String.join(", ", AccessReviewsSection.of(config).stream().map(AccessReviewSettings::name).toList()))));
    }
}
