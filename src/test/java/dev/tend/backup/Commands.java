package dev.tend.backup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stock tools run on Tend's files, as an operator would without Tend. */
final class Commands {
    private Commands() {}

    /** Runs the command in a directory; its output, or an AssertionError if it failed. */
    static String run(Path directory, String... command) throws Exception {
        var process = new ProcessBuilder(List.of(command)).directory(directory.toFile()).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
