package dev.tend.target;

import java.time.Duration;
import java.util.List;

/** What every target has, whatever its type. */
public record TargetSettings(
        String name, String type, String description, Duration timeout, int concurrency, List<String> dependsOn) {}
