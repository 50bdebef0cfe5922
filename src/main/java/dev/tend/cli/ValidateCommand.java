package dev.tend.cli;

import dev.tend.backup.BackupsSection;
import dev.tend.runbook.ChecklistsSection;
import dev.tend.people.PeopleSection;
import dev.tend.runbook.RunbooksSection;
import dev.tend.schedule.SchedulesSection;
import dev.tend.schedule.WindowsSection;
import dev.tend.target.TargetsSection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tend validate}: load and check the configuration, run nothing. */
@Command(name = "validate", footerHeading = "%nExamples:%n",
        footer = {"  tend validate -c tend.yaml", "  tend validate --without-secrets   # in CI, without production secrets"},
        description = "Check the configuration file and report every problem in it.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    TendCommand tend;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--without-secrets", description = "check everything but do not look up ${env:...} and ${file:...} secrets; "
            + "list each as a note (for CI, where production secrets are absent)")
    boolean withoutSecrets;

    @Override
    public Integer call() throws Exception {
        var path = tend.configPath();
        var loaded = tend.loadForValidation(withoutSecrets);
        var config = loaded.config();
        var out = spec.commandLine().getOut();
        out.println(path + ": valid — platform " + config.platform().name() + ": " + count(TargetsSection.of(config).size(), "target")
                + sections(config) + "; store " + config.store().describe());
        for (var target : TargetsSection.of(config)) {
            out.println("  " + target.name() + " (" + target.settings().type() + ")");
        }
        for (var note : loaded.notes()) {
            out.println(note.formatNote());
        }
        if (withoutSecrets) {
            out.println(loaded.notes().size() + " secret reference" + (loaded.notes().size() == 1 ? "" : "s")
                    + " not resolved; everything else was checked.");
        }
        out.flush();
        return 0;
    }

    /** The other sections, those present only: what a reviewer of the file wants to see was read. */
    private static String sections(dev.tend.config.TendConfig config) {
        var parts = new StringBuilder();
        int[] sizes = {BackupsSection.of(config).size(), WindowsSection.of(config).size(), SchedulesSection.of(config).size(), PeopleSection.of(config).size(),
                ChecklistsSection.of(config).size(), RunbooksSection.of(config).size(), dev.tend.alert.notify.NotifiersSection.of(config).size(),
                dev.tend.alert.oncall.OncallSection.of(config).size()};
        String[] names = {"backup", "window", "schedule", "person", "checklist", "runbook", "notifier", "rotation"};
        for (int index = 0; index < sizes.length; index++) {
            if (sizes[index] > 0) parts.append(", ").append(count(sizes[index], names[index]));
        }
        return parts.toString();
    }

    private static String count(int size, String noun) {
        var plural = noun.equals("person") ? "people" : noun + "s";
        return size + " " + (size == 1 ? noun : plural);
    }
}
