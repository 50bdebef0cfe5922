package dev.tend.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tend.registry.BuiltIn;
import dev.tend.target.TargetsSection;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Runs the checks of a config written inline, the whole path a user's tend.yaml takes. */
public final class RunChecks {
    private RunChecks() {}

    public static List<CheckResult> run(String yaml) throws Exception {
        return run(yaml, Clock.systemUTC(), Map.of());
    }

    public static List<CheckResult> run(String yaml, Clock clock, Map<String, String> environment) throws Exception {
        var config = BuiltIn.configLoader(environment::get).parse(yaml, Path.of("test.yaml"));
        try (var context = CheckContext.create(clock)) {
            return new CheckRunner(clock, config.redactor(), config.concurrency()).run(TargetsSection.of(config), context, result -> {});
        }
    }

    /** The one target of a config written as the body of its flow mapping. */
    public static dev.tend.target.Target target(String body) throws Exception {
        return TargetsSection.of(BuiltIn.configLoader(Map.<String, String>of()::get).parse(oneTarget(body), Path.of("test.yaml"))).get(0);
    }

    /** Config text with one target, given as the body of its flow mapping. */
    public static String oneTarget(String target) {
        return "platform: { name: Test }\ntargets:\n  - { " + target + " }\n";
    }

    public static CheckResult named(List<CheckResult> results, String check) {
        var matching = results.stream().filter(result -> result.check().equals(check)).toList();
        assertThat(matching).as("results of check " + check + " in " + results).hasSize(1);
        return matching.get(0);
    }

    public static double measurement(CheckResult result, String name) {
        return result.measurements().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no measurement " + name + " in " + result)).value();
    }
}
