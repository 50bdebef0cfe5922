package dev.tend.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.registry.BuiltIn;
import dev.tend.target.CommonFields;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The configuration reference must name every key the loader accepts. */
class DocumentationTest {

    @Test
    void everyKeyOfEveryTargetTypeIsDocumented() throws Exception {
        var reference = Files.readString(Path.of("docs/configuration.md"));
        var types = BuiltIn.targetTypes();

        types.byName().forEach((name, type) -> {
            var heading = "## `" + name + "`";
            assertThat(reference).as("section for type " + name).contains(heading);
            // Each key must be in its own type's section, not merely somewhere in the file.
            var start = reference.indexOf(heading);
            var next = reference.indexOf("\n## ", start + heading.length());
            var section = reference.substring(start, next < 0 ? reference.length() : next);
            type.fields().forEach(field -> assertThat(section).as(name + "." + field.name()).contains("`" + field.name() + "`"));
        });
        CommonFields.fields().forEach(field -> assertThat(reference).contains("`" + field.name() + "`"));
        ConfigSchema.root(BuiltIn.sections()).fields()
                .forEach(field -> assertThat(reference).contains("`" + field.name() + "`"));
        var backups = reference.substring(reference.indexOf("## Backups"));
        var entry = (dev.tend.config.spec.ObjectSpec) ((dev.tend.config.spec.ListSpec) dev.tend.backup.BackupSpec.field().spec()).item();
        entry.fields().forEach(field -> assertThat(backups).as("backups." + field.name()).contains("`" + field.name() + "`"));
        var windows = reference.substring(reference.indexOf("## Windows"));
        var window = (dev.tend.config.spec.ObjectSpec) ((dev.tend.config.spec.ListSpec) dev.tend.schedule.WindowSpec.field().spec()).item();
        window.fields().forEach(field -> assertThat(windows).as("windows." + field.name()).contains("`" + field.name() + "`"));
        var schedules = reference.substring(reference.indexOf("## Schedules"));
        var schedule = (dev.tend.config.spec.ObjectSpec) ((dev.tend.config.spec.ListSpec) dev.tend.schedule.ScheduleSpec.field().spec()).item();
        schedule.fields().forEach(field -> assertThat(schedules).as("schedules." + field.name()).contains("`" + field.name() + "`"));
        var checklists = reference.substring(reference.indexOf("## Checklists"));
        var checklist = (dev.tend.config.spec.ObjectSpec) ((dev.tend.config.spec.ListSpec) dev.tend.runbook.ChecklistSpec.checklists().spec()).item();
        checklist.fields().forEach(field -> assertThat(checklists).as("checklists." + field.name()).contains("`" + field.name() + "`"));
        var runbooks = reference.substring(reference.indexOf("## Runbooks"));
        var runbook = (dev.tend.config.spec.ObjectSpec) ((dev.tend.config.spec.ListSpec) dev.tend.runbook.RunbookSpec.field().spec()).item();
        runbook.fields().forEach(field -> assertThat(runbooks).as("runbooks." + field.name()).contains("`" + field.name() + "`"));
        var step = (dev.tend.config.spec.ObjectSpec) ((dev.tend.config.spec.ListSpec) runbook.fields().stream()
                .filter(field -> field.name().equals("steps")).findFirst().orElseThrow().spec()).item();
        step.fields().forEach(field -> assertThat(runbooks).as("step." + field.name()).contains("`" + field.name() + "`"));
        ((dev.tend.config.spec.ObjectSpec) dev.tend.schedule.ServeSettings.field().spec()).fields()
                .forEach(field -> assertThat(schedules).as("serve." + field.name()).contains("`" + field.name() + "`"));
    }
}
