package dev.tend.logs.mine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines that differ only in variables group together; lines that differ in words do not; the grouping scored on a labelled set. */
class TemplateMinerTest {

    @Test
    void linesThatDifferOnlyInVariablesShareATemplate() {
        var miner = new TemplateMiner();
        var first = miner.add("Database connection failed: timeout after 30s to 10.0.0.5:5432");
        var second = miner.add("Database connection failed: timeout after 7s to 10.0.0.9:5432");
        var third = miner.add("Dataset 1253 not found for user u417");
        var fourth = miner.add("Dataset 77 not found for user u9");
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(first.text()).isEqualTo("Database connection failed: timeout after <DUR> to <IP>");
        assertThat(fourth.id()).isEqualTo(third.id());
        assertThat(third.text()).isEqualTo("Dataset <NUM> not found for user <*>");
        assertThat(third.size()).isEqualTo(2);
    }

    @Test
    void maskingCoversIdsAddressesPathsQuotedValuesAndDurations() {
        assertThat(Masking.mask("request 3f2c9a1e-8b7d-4c6e-9f00-123456789abc from 10.1.2.3:443 for /var/lib/app/data.db took 12ms"))
                .isEqualTo("request <ID> from <IP> for <PATH> took <DUR>");
        assertThat(Masking.mask("relation \"tmp_42\" does not exist; blocked by process 42.")).isEqualTo("relation <STR> does not exist; blocked by process <NUM>.");
        assertThat(Masking.mask("token a81f09c2e4b7d6 expired at 2026-11-30T12:00:00Z")).isEqualTo("token <ID> expired at <TIME>");
    }

    @Test
    void linesThatDifferInAPlainWordStayApart() {
        var miner = new TemplateMiner();
        var refused = miner.add("Connection to 10.0.0.5:6379 refused");
        var reset = miner.add("Connection to 10.0.0.5:6379 reset");
        assertThat(reset.id()).isNotEqualTo(refused.id());
        assertThat(miner.add("Connection to 10.0.0.7:6379 refused").id()).isEqualTo(refused.id());
    }

    @Test
    void aPlainWordSeenInThreeVariantsBecomesAVariableAndEarlierLinesFollow() {
        var miner = new TemplateMiner();
        int alice = miner.add("login failed for user alice").id();
        int bob = miner.add("login failed for user bob").id();
        assertThat(bob).as("two variants may be two things").isNotEqualTo(alice);
        int carol = miner.add("login failed for user carol").id();
        assertThat(miner.resolve(carol)).isEqualTo(alice);
        assertThat(miner.resolve(bob)).isEqualTo(alice);
        assertThat(miner.add("login failed for user dave").id()).isEqualTo(alice);
        assertThat(miner.templates()).singleElement().satisfies(template -> {
            assertThat(template.text()).isEqualTo("login failed for user <*>");
            assertThat(template.size()).isEqualTo(4);
        });
    }

    @Test
    void groupingAccuracyOnTheLabelledSetStaysAtTheLevelReached() {
        var lines = LabelledLogs.generate(5_000, 42);
        var miner = new TemplateMiner();
        var assigned = new ArrayList<Integer>();
        for (var line : lines) assigned.add(miner.add(line.message()).id());
        List<Integer> predicted = assigned.stream().map(miner::resolve).toList();
        double accuracy = GroupingAccuracy.of(lines.stream().map(LabelledLogs.Line::label).toList(), predicted);
        assertThat(accuracy).as("grouping accuracy on 5,000 lines of 36 templates; templates found: " + miner.templates()).isGreaterThanOrEqualTo(LEVEL);
    }

    /** What the miner reached when this test was written; a change that lowers it fails here. */
    static final double LEVEL = 1.0;
}
