package dev.tend.logs.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.logs.AsciiLine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte scan (eight places at a time, pairs of letters first) finds a memory word exactly where
 * a search of the line's text does: in every case, at the start and the very end of a line, and
 * never in the bytes after the line's end, which the scan's last window reads.
 */
class MemoryWordsTest {
    private static final List<String> PIECES = List.of("emory", "EMORY", "Memory", "MEMORY", "oom", "OOM", "Oom", "oOm", "illed process",
            "Killed Process", "lloc", "alloc", "137", "13", "37", "em", "oo", "il", "ll", "e", "m", "o", "l", "1", "3", " ", "-", "x", "q", "ERROR",
            "timeout", "bad_alloc", "zoom", "room", "kill", "12", "{", "}");

    @Test
    void findsTheWordsWhereASearchOfTheTextDoes() {
        var random = new Random(20261201);
        int found = 0;
        for (int attempt = 0; attempt < 100_000; attempt++) {
            var text = new StringBuilder();
            int pieces = random.nextInt(10);
            for (int piece = 0; piece < pieces; piece++) text.append(PIECES.get(random.nextInt(PIECES.size())));
            var after = new StringBuilder();
            for (int piece = 0; piece < 3; piece++) after.append(PIECES.get(random.nextInt(PIECES.size())));
            var line = text.toString();
            int before = random.nextInt(20);
            // Sometimes the line ends the array: the scan must not read past it.
            var bytes = ("x".repeat(before) + line + (attempt % 7 == 0 ? "" : after)).getBytes(StandardCharsets.US_ASCII);
            int from = random.nextInt(line.length() + 1);
            boolean expected = MemoryWords.mayHold(line, from);
            if (expected) found++;
            assertThat(MemoryWords.mayHold(AsciiLine.of(bytes, before, before + line.length()), from))
                    .as("'%s' from %d (then '%s')", line, from, after).isEqualTo(expected);
        }
        assertThat(found).isBetween(10_000, 90_000);
    }
}
