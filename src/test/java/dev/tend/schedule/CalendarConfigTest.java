package dev.tend.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.config.spec.ConfigProblem;
import dev.tend.registry.BuiltIn;
import dev.tend.runbook.RunbooksSection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Windows, schedules, checklists and runbooks are as strict as the rest of tend.yaml, and may refer to each other. */
class CalendarConfigTest {
    private static final String BASE = """
            platform: { name: Lab }
            targets:
              - { name: db, type: postgres, url: "postgresql://tend@127.0.0.1:5432/app" }
            backups:
              - { name: lab, target: db, destination: /b }
            windows:
              - { name: weekly, cron: "0 2 * * SUN", duration: 2h }
            """;

    @Test
    void aScheduleCanStartARunbookAtEachOpeningOfItsWindow() throws Exception {
        var config = BuiltIn.configLoader(Map.<String, String>of()::get).parse(BASE + """
                runbooks:
                  - { name: sunday, template: maintenance-window, window: weekly, backup: lab, database: db }
                schedules:
                  - { name: sunday-maintenance, run: runbook sunday, window: weekly }
                checklists:
                  - { name: daily, template: daily, evidence: { backup-completion: { backup: lab }, disk-space: { schedule: sunday-maintenance } } }
                """, Path.of("tend.yaml"));
        assertThat(SchedulesSection.of(config).get(0).action().describe()).isEqualTo("runbook sunday");
        assertThat(RunbooksSection.named(config, "sunday").orElseThrow().steps()).extracting(step -> step.name())
                .containsSubsequence("pre-maintenance-backup", "terminate-idle-sessions", "data-integrity");
    }

    @Test
    void everyMistakeInTheCalendarSectionsIsReportedWithItsLine() {
        var problems = problems(BASE + """
                runbooks:
                  - { name: r1, steps: [ { name: a, run: pg.vacuum nope } ] }
                  - { name: r2, template: maintenance-window, window: monthly }
                  - { name: r3, steps: [ { name: a, manual: "look" } ] }
                schedules:
                  - { name: s1, run: runbook missing, every: 1h }
                  - { name: s2, run: check, cron: "0 25 * * *" }
                  - { name: s3, run: check, every: 1h, window: weekly }
                checklists:
                  - { name: c1, template: daily, evidence: { disk-spaec: { check: db } } }
                  - { name: c2, template: pre-maintenance }
                  - { name: c3, template: daily, evidence: { disk-space: { backup: nope } } }
                windows2: []
                """);
        assertThat(problems).extracting(ConfigProblem::line, ConfigProblem::message).contains(
                org.assertj.core.groups.Tuple.tuple(9, "pg.vacuum: 'nope' is not a postgres target"),
                org.assertj.core.groups.Tuple.tuple(10, "no window named 'monthly'"),
                org.assertj.core.groups.Tuple.tuple(11, "a manual step needs the role that signs it off"),
                org.assertj.core.groups.Tuple.tuple(13, "runbook: no runbook named 'missing'"),
                org.assertj.core.groups.Tuple.tuple(15, "a schedule needs exactly one of cron, window or every"),
                org.assertj.core.groups.Tuple.tuple(17, "no item 'disk-spaec' in this checklist"),
                org.assertj.core.groups.Tuple.tuple(18, "a checklist needs a cadence (daily, weekly, monthly, quarterly) or a window"),
                org.assertj.core.groups.Tuple.tuple(19, "no backup named 'nope'"));
        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.line()).isEqualTo(14);
            assertThat(problem.message()).contains("'0 25 * * *' is not a valid cron expression");
        });
        assertThat(problems).anySatisfy(problem -> assertThat(problem.message()).contains("unknown key 'windows2'"));
    }

    private static List<ConfigProblem> problems(String yaml) {
        return dev.tend.config.ConfigErrors.of(yaml);
    }
}
