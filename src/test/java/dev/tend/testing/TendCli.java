package dev.tend.testing;

import dev.tend.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs tend in this JVM as a user would type it, with {@code -c CONFIG} and a clock of the test's choosing. */
public final class TendCli {
    private TendCli() {}

    /** What a run printed and how it ended. */
    public record Run(int exitCode, String out, String err) {
        public JsonNode json() {
            return JsonMapper.builder().build().readTree(out);
        }
    }

    public static Run run(Clock clock, Path config, String... args) {
        return run(clock, config, Map.of(), args);
    }

    /** With these environment variables (for secret references such as ${env:API_TOKEN}). */
    public static Run run(Clock clock, Path config, Map<String, String> environment, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-c", config.toString()));
        int code = Main.run(new Main.Environment(clock, new HashMap<String, String>(environment)::get), new PrintWriter(out), new PrintWriter(err),
                all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }
}
