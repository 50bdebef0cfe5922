package dev.tend;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Map;

/**
 * The layering the code keeps (docs/adr/0012-features-own-their-tables-and-sections.md):
 * the core (config, store, target, check, window) knows no feature; features know the core and
 * each other without cycles; the composition (cli, demo, registry) knows everything and nobody
 * knows it. Each rule says why; a new violation fails the build with that reason and the
 * offending dependency.
 */
@AnalyzeClasses(packages = "dev.tend", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String[] CORE = {"dev.tend.config..", "dev.tend.store..", "dev.tend.target..", "dev.tend.check..", "dev.tend.window..",
            "dev.tend.people.."};
    static final List<String> FEATURES = List.of("access", "action", "alert", "backup", "docker", "host", "logs", "postgres", "redis", "storage", "runbook",
            "schedule", "status", "task", "command", "maintenance", "load", "nginx", "prometheus", "grafana", "security", "operations", "capacity", "report", "audit", "planning");
    static final String[] COMPOSITION = {"dev.tend.cli..", "dev.tend.demo..", "dev.tend.registry..", "dev.tend.web.."};

    @ArchTest
    static final ArchRule everyPackageHasAPlace = classes().should().resideInAnyPackage(allPackages())
            .because("a new top-level package must be placed in the core, the features or the composition in ArchitectureTest, "
                    + "so the rules below cover it");

    @ArchTest
    static final ArchRule storeKnowsNoFeature = classes().that().resideInAPackage("dev.tend.store..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.tend.store..", "dev.tend.config..", "java..", "javax..",
                    "org.jdbi..", "com.zaxxer..", "org.flywaydb..", "org.sqlite..", "org.postgresql..", "tools.jackson..", "org.slf4j..")
            .because("the store is the database (pool, dialect, migrations, transactions); each feature keeps its own rows");

    @ArchTest
    static final ArchRule coreKnowsNoFeature = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(featurePackages())
            .orShould().dependOnClassesThat().resideInAnyPackage(COMPOSITION)
            .because("configuration, store, targets and checks are what every feature builds on; a feature registers itself "
                    + "(registry/BuiltIn) instead of being named by the core");

    @ArchTest
    static final ArchRule onlyTheCliKnowsPicocli = noClasses().that().resideOutsideOfPackage("dev.tend.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "dev.tend.cli..")
            .because("the CLI is a thin shell over the services; the web UI and REST API will call the same services");

    @ArchTest
    static final ArchRule onlyTheCliStartsTheDemo = noClasses().that().resideOutsideOfPackages("dev.tend.cli..", "dev.tend.demo..")
            .should().dependOnClassesThat().resideInAPackage("dev.tend.demo..")
            .because("the demo's embedded servers are on the class path of `tend demo` alone (ADR 3)");

    @ArchTest
    static final ArchRule onlyTheCompositionUsesTheRegistry = noClasses().that().resideOutsideOfPackages(COMPOSITION)
            .should().dependOnClassesThat().resideInAPackage("dev.tend.registry..")
            .because("the registry lists every built-in kind; a feature that used it would depend on all the others");

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().assignedFrom(new FeatureSlices()).should().beFreeOfCycles()
            .because("a cycle between features means neither can change or be tested without the other");

    /** Each repository, and the packages besides its own (and the CLI shell) that may use it, with the reason. */
    static final Map<String, List<String>> REPOSITORY_USERS = Map.ofEntries(
            Map.entry("dev.tend.check.ResultHistory", List.of("dev.tend.runbook..", "dev.tend.status..", "dev.tend.audit..")), // checklist evidence, step preconditions; component status; the security audit
            Map.entry("dev.tend.task.TaskOutcomes", List.of("dev.tend.backup..", "dev.tend.action..", "dev.tend.runbook..", "dev.tend.load..", "dev.tend.audit..")), // backups and scheduled tasks are tasks; evidence; a load compared with its last run; the audit's last scan
            Map.entry("dev.tend.backup.Verifications", List.of("dev.tend.runbook..", "dev.tend.audit..")),    // evidence: a verified backup; the security audit
            Map.entry("dev.tend.schedule.ScheduleRuns", List.of("dev.tend.runbook..", "dev.tend.audit..")),   // evidence: a schedule's run; a rotation done by a schedule
            Map.entry("dev.tend.runbook.SignOffs", List.of()),
            Map.entry("dev.tend.runbook.MaintenanceRuns", List.of("dev.tend.status..")),                      // the status page follows maintenance runs
            Map.entry("dev.tend.status.StatusIncidents", List.of()),
            Map.entry("dev.tend.postgres.report.IndexScanSnapshots", List.of()),
            Map.entry("dev.tend.logs.LogPatterns", List.of()),
            Map.entry("dev.tend.window.OpeningAnnouncements", List.of("dev.tend.status..", "dev.tend.runbook..")), // tend serve announces; evidence
            Map.entry("dev.tend.report.Reports", List.of("dev.tend.runbook..", "dev.tend.audit..")),  // evidence: a signed report; access reviews and rotations are kept as reports
            Map.entry("dev.tend.postgres.report.StatementSnapshots", List.of("dev.tend.planning.."))); // the performance report gathers the week's snapshots

    @ArchTest
    static final ArchRule repositoriesStayWithTheirFeature = repositoryRule();

    private static ArchRule repositoryRule() {
        ArchRule rule = null;
        for (var entry : REPOSITORY_USERS.entrySet()) {
            var repository = entry.getKey();
            var own = repository.substring(0, repository.lastIndexOf('.')) + "..";
            var allowed = new java.util.ArrayList<>(List.of(own, "dev.tend.cli..", "dev.tend.web.."));
            allowed.addAll(entry.getValue());
            var one = noClasses().that().resideOutsideOfPackages(allowed.toArray(String[]::new))
                    .should().dependOnClassesThat().haveFullyQualifiedName(repository);
            rule = rule == null ? one : com.tngtech.archunit.lang.CompositeArchRule.of(rule).and(one);
        }
        return rule.because("a feature's rows are written by the feature; other packages read them only where this test "
                + "names them (REPOSITORY_USERS), so a new reader is a decision, not an accident");
    }

    private static String[] allPackages() {
        var all = new java.util.ArrayList<>(List.of(CORE));
        all.addAll(List.of(featurePackages()));
        all.addAll(List.of(COMPOSITION));
        return all.toArray(String[]::new);
    }

    private static String[] featurePackages() {
        return FEATURES.stream().map(feature -> "dev.tend." + feature + "..").toArray(String[]::new);
    }

    /** One slice per feature package; the core and the composition are not features and are left out. */
    static final class FeatureSlices implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            var name = javaClass.getPackageName();
            if (!name.startsWith("dev.tend.")) return SliceIdentifier.ignore();
            var top = name.substring("dev.tend.".length()).split("\\.")[0];
            return FEATURES.contains(top) ? SliceIdentifier.of(top) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "feature packages " + FEATURES;
        }
    }
}
