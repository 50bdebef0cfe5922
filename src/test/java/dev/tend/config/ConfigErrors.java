package dev.tend.config;

import dev.tend.config.spec.ConfigProblem;
import dev.tend.registry.BuiltIn;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The problems tend.yaml text is rejected with; fails the test when it is accepted. */
public final class ConfigErrors {
    private ConfigErrors() {}

    public static List<ConfigProblem> of(String yaml) {
        try {
            BuiltIn.configLoader(Map.<String, String>of()::get).parse(yaml, Path.of("tend.yaml"));
            throw new AssertionError("the config was accepted");
        } catch (ConfigException e) {
            return e.problems();
        }
    }
}
