package dev.tend.logs.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.logs.AsciiLine;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A head recalled from a kept shape must be the one the parser reads: one format reads 200,000
 * random lines in a row (recalling shapes wherever it can), a fresh format reads each line alone,
 * and every head must be the same — on lines that share a second and a shape and lines that almost
 * do: another fraction length or mark, a zone, a separator or nothing where the message starts,
 * another level, a shorter line.
 */
class HeadShapesTest {
    private static final List<String> STAMPS = List.of("2026-11-30 12:00:01", "2026-11-30 12:00:02", "2026-11-30T12:00:01");
    private static final List<String> FRACTIONS = List.of("", ",016", ",16", ".016", ".123456789", ".1234567891", ",", ".x", ",000");
    private static final List<String> ZONES = List.of("", "", "", "Z", " Z", "+01:00", " UTC", " -0500", " ABC");
    private static final List<String> MIDDLES = List.of(" - hub.api - INFO - ", " - hub.api - ERROR - ", " - hub.api - ERROR -- ", " [main] WARN  ",
            " - hub.api - INFO -", " INFO ", " - h - INFO - ", " - hub.api - CRITICAL - ", " - hub.worker - INFO - ", " | INFO | ", " - hub.api - ");
    private static final List<String> MESSAGES = List.of("GET /api/v1/datasets/118 200 in 154 ms", "-dash first", ": colon first", " blank first", "",
            "Cache hit ratio 61%", "x");

    @Test
    void aRecalledHeadIsTheParsersHead() {
        var random = new Random(20261201);
        var reading = new PlainFormat(ZoneOffset.UTC);
        var parts = new String[] {STAMPS.get(0), FRACTIONS.get(1), ZONES.get(0), MIDDLES.get(0), MESSAGES.get(0)};
        var choices = List.of(STAMPS, FRACTIONS, ZONES, MIDDLES, MESSAGES);
        for (int index = 0; index < 200_000; index++) {
            // Mostly the line before with another fraction and message; now and then one part changed.
            int changed = random.nextInt(8);
            if (changed < choices.size()) parts[changed] = pick(random, choices.get(changed));
            parts[4] = pick(random, MESSAGES);
            var fraction = parts[1].replaceAll("[0-9]", String.valueOf(random.nextInt(10)));
            var text = parts[0] + fraction + parts[2] + parts[3] + parts[4];
            if (random.nextInt(20) == 0) text = text.substring(0, random.nextInt(text.length() + 1));
            var bytes = ("<" + text + ">").getBytes(StandardCharsets.US_ASCII);
            var line = AsciiLine.of(bytes, 1, bytes.length - 1);
            var mine = new LineHead();
            var theirs = new LineHead();
            boolean read = reading.head(line, mine);
            boolean alone = new PlainFormat(ZoneOffset.UTC).head(text, theirs);
            assertThat(read).as(text).isEqualTo(alone);
            if (!alone) continue;
            assertThat(List.of(mine.at == null ? "-" : mine.at, mine.level == null ? "-" : mine.level, mine.wordFrom, mine.wordTo, mine.message)).as(text)
                    .isEqualTo(List.of(theirs.at == null ? "-" : theirs.at, theirs.level == null ? "-" : theirs.level, theirs.wordFrom, theirs.wordTo,
                            theirs.message));
        }
        assertThat(reading.recalled()).isGreaterThan(10_000);
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
