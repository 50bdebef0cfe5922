package dev.tend.config;

import dev.tend.target.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A loaded, validated tend.yaml. Secrets inside are resolved but only reachable via {@link Secret}. */
public record TendConfig(
        Path source, PlatformSettings platform, List<Target> targets, int concurrency, StoreSettings store, Redactor redactor) {

    public Optional<Target> target(String name) {
        return targets.stream().filter(target -> target.name().equals(name)).findFirst();
    }
}
