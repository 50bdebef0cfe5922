package dev.tend.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A level read in place from a line is the level {@link LogLevel#parse} gives the word. */
class LogLevelTest {
    private static final String LETTERS = "ERORWANIFDBUGTCLPSXHMYQerorwanifdbugtclpsxhmyq12345_-ıİé";

    @Test
    void readingInPlaceAgreesWithParsingTheWord() {
        var random = new Random(20261201);
        for (var word : new String[] {"error", "Error", "ERROR", "warning", "crit", "EMERGENCY", "debug3", "Information", "exception", "ERRORS", ""}) {
            assertThat(LogLevel.of("[" + word + "]", 1, word.length() + 1)).as(word).isEqualTo(LogLevel.parse(word).orElse(null));
        }
        for (int attempt = 0; attempt < 200_000; attempt++) {
            var word = new StringBuilder();
            int length = random.nextInt(14);
            for (int index = 0; index < length; index++) word.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
            var text = word.toString();
            assertThat(LogLevel.of(text, 0, text.length())).as(text).isEqualTo(LogLevel.parse(text).orElse(null));
        }
    }
}
