package dev.tend.logs.mine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Masking skips the rules that cannot match and replaces numbers by hand: it must give exactly what
 * the fourteen regexes give applied one after another. Checked on the labelled set and on messages
 * built at random from the pieces the rules look at (digits, dots, colons, dashes, quotes, slashes,
 * units, hex, signs, blanks, non-ASCII), where a wrong guard or a wrong boundary shows.
 */
class MaskingTest {
    private static final List<String> PIECES = List.of("0", "7", "42", "137", "2026", "3.5", "-", "+", ".", ":", "/", "//", "'", "\"", "\\", "@",
            " ", "  ", "\t", "_", "x", "0x", "ff", "deadbeef", "a81f09c2e4b7d6", "Z", "T", "ms", "s", "sec", "secs", "µs", "h", "min", "KB", "KiB",
            "B", "bytes", "10.0.0.5", "10.0.0.5:5432", "::1", "fe80::1", "a:b:c", "12:30:45", "2026-11-30", "2026-11-30T12:00:00Z",
            "2026-11-30 12:00:00,123", "3f2c9a1e-8b7d-4c6e-9f00-123456789abc", "user@example.org", "/var/lib/app", "/tmp/x.log", "checkpoint_12",
            "embed-7", "req_ab12cd34ef", "ABCDEF0123", "é", "日本", "[", "]", "(", ")", ",", ";", "=", "%", "~", "e5", "1e10", "-5", "+3.25");

    @Test
    void equalsTheRulesAppliedInTurnOnTheLabelledSet() {
        for (var line : LabelledLogs.generate(5_000, 7)) assertThat(Masking.mask(line.message())).as(line.message()).isEqualTo(Masking.maskByRules(line.message()));
    }

    @Test
    void equalsTheRulesAppliedInTurnOnRandomMessages() {
        var random = new Random(20261201);
        for (int message = 0; message < 200_000; message++) {
            var text = new StringBuilder();
            int pieces = 1 + random.nextInt(12);
            for (int piece = 0; piece < pieces; piece++) text.append(PIECES.get(random.nextInt(PIECES.size())));
            var input = text.toString();
            assertThat(Masking.mask(input)).as(input).isEqualTo(Masking.maskByRules(input));
        }
    }

    @Test
    void numbersAreMaskedOnlyWhereTheyStandAlone() {
        assertThat(Masking.numbers("took 12 of 30, code -5 and +3.25.")).isEqualTo("took <NUM> of <NUM>, code <NUM> and <NUM>.");
        assertThat(Masking.numbers("v1.2.3 a-5 x7 1.5x 3.")).isEqualTo("v1.2.3 a-<NUM> x7 1.5x <NUM>.");
    }
}
