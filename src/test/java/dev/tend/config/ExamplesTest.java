package dev.tend.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.registry.BuiltIn;
import dev.tend.runbook.ChecklistItem;
import dev.tend.runbook.ChecklistsSection;
import dev.tend.people.PeopleSection;
import dev.tend.people.Person;
import dev.tend.runbook.RunbooksSection;
import dev.tend.runbook.Step;
import dev.tend.schedule.SchedulesSection;
import dev.tend.schedule.WindowsSection;
import dev.tend.target.TargetsSection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped example must stay valid as the schema evolves, and carry its seed runbook whole. */
class ExamplesTest {

    static Stream<Path> examples() throws IOException {
        try (var files = Files.list(Path.of("examples"))) {
            var found = files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
            assertThat(found).as("examples/*.yaml").hasSizeGreaterThanOrEqualTo(2);
            return found.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleIsValid(Path example) throws Exception {
        var config = load(example);

        assertThat(TargetsSection.of(config)).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleCarriesTheWholeRunbook(Path example) throws Exception {
        var config = load(example);

        assertThat(WindowsSection.of(config)).as(example + ": windows").isNotEmpty();
        assertThat(SchedulesSection.of(config)).as(example + ": schedules").isNotEmpty();
        assertThat(PeopleSection.of(config)).as(example + ": people").isNotEmpty();
        assertThat(ChecklistsSection.of(config)).as(example + ": checklists").isNotEmpty();
        assertThat(RunbooksSection.of(config)).as(example + ": runbooks").isNotEmpty();
    }

    /** A checklist item or manual step whose role nobody holds could never be signed. */
    @ParameterizedTest
    @MethodSource("examples")
    void everyRoleAskedForIsHeldBySomeone(Path example) throws Exception {
        var config = load(example);
        var items = ChecklistsSection.of(config).stream().flatMap(checklist -> checklist.items().stream()).map(ChecklistItem::role);
        var steps = RunbooksSection.of(config).stream().flatMap(runbook -> Stream.concat(runbook.steps().stream(), runbook.rollback().stream()))
                .flatMap(step -> step instanceof Step.Manual manual ? Stream.of(manual.role()) : Stream.empty());

        Stream.concat(items, steps).distinct().forEach(role -> assertThat(PeopleSection.of(config)).as(example + ": someone in the role " + role)
                .anyMatch((Person person) -> person.holds(role)));
    }

    private static TendConfig load(Path example) throws Exception {
        // Examples reference secrets through the environment; any value satisfies validation.
        return BuiltIn.configLoader(name -> null).withoutSecrets().load(example);
    }
}
