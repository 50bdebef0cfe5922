package dev.tend.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.alert.oncall.OncallSection;
import dev.tend.alert.oncall.Rotation;
import dev.tend.config.ConfigErrors;
import dev.tend.registry.BuiltIn;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** On-call rotations: turns by local days, hand-offs that keep their hour across daylight saving, overrides. */
class RotationTest {
    private static final String PEOPLE = """
            platform: { name: Lab, timezone: Europe/Berlin }
            targets: []
            people:
              - { name: alice, roles: [On-call Engineer] }
              - { name: bob, roles: [On-call Engineer] }
              - { name: carol, roles: [On-call Engineer] }
            """;

    @Test
    void theWeeklyHandOffStaysAtNineLocalAcrossTheSpringChange() throws Exception {
        var rotation = rotation("{ name: primary, people: [alice, bob], shift: weekly, handoff: \"09:00\", start: 2027-03-22 }");

        // Europe/Berlin moves from CET (+01) to CEST (+02) on Sunday 2027-03-28.
        var before = rotation.at(Instant.parse("2027-03-27T12:00:00Z"));
        var after = rotation.at(Instant.parse("2027-03-29T07:30:00Z"));

        assertThat(before.person()).isEqualTo("alice");
        assertThat(before.from()).isEqualTo(Instant.parse("2027-03-22T08:00:00Z")); // 09:00 CET
        assertThat(before.until()).isEqualTo(Instant.parse("2027-03-29T07:00:00Z")); // 09:00 CEST: a week one hour short
        assertThat(after.person()).isEqualTo("bob");
        assertThat(rotation.at(Instant.parse("2027-03-29T06:59:59Z")).person()).as("08:59 CEST, still alice's turn").isEqualTo("alice");
    }

    @Test
    void aDailyRotationGoesRoundItsPeopleAndAnOverrideTakesAWholeDay() throws Exception {
        var rotation = rotation("""
                { name: nights, people: [alice, bob, carol], shift: daily, handoff: "18:00", start: 2027-01-01,
                  overrides: [{ date: 2027-01-04, person: bob, covers: carol }] }""");

        var turns = rotation.turns(Instant.parse("2027-01-03T12:00:00Z"), 4);

        // 13:00 on 01-03: bob's turn (01-02 18:00 to 01-03 18:00), then carol, until bob's override day 01-04, then alice.
        assertThat(turns).extracting(Rotation.Turn::person).containsExactly("bob", "carol", "bob", "alice");
        assertThat(turns.get(1).until()).as("carol's turn ends where the override day begins").isEqualTo(Instant.parse("2027-01-03T23:00:00Z"));
        assertThat(turns.get(2).override()).isTrue();
        assertThat(turns.get(2).from()).isEqualTo(Instant.parse("2027-01-03T23:00:00Z")); // 2027-01-04 00:00 CET
        assertThat(turns.get(3).from()).as("alice has the rest of her turn after the override day").isEqualTo(Instant.parse("2027-01-04T23:00:00Z"));
        assertThat(turns.get(3).until()).isEqualTo(Instant.parse("2027-01-05T17:00:00Z"));
    }

    @Test
    void aRotationNamingSomeoneNotUnderPeopleIsAConfigError() {
        var problems = ConfigErrors.of(PEOPLE + """
                oncall:
                  - { name: primary, people: [alice, dave], start: 2027-01-01, overrides: [{ date: 2027-13-01, person: bob }] }
                """);

        assertThat(problems).extracting(problem -> problem.path() + ": " + problem.message())
                .contains("oncall[0].people[1]: no person named 'dave' under people:", "oncall[0].overrides[0].date: '2027-13-01' is not a date");
    }

    private static Rotation rotation(String entry) throws Exception {
        var config = BuiltIn.configLoader(Map.<String, String>of()::get).parse(PEOPLE + "oncall:\n  - " + entry.replace("\n", "\n    ") + "\n",
                Path.of("tend.yaml"));
        return OncallSection.of(config).get(0);
    }
}
