package dev.tend.docker;

import dev.tend.config.spec.Field;
import dev.tend.config.spec.ListSpec;
import dev.tend.config.spec.PathSpec;
import dev.tend.config.spec.StringSpec;
import dev.tend.target.Target;
import dev.tend.target.TargetBinding;
import dev.tend.target.TargetType;
import java.nio.file.Path;
import java.util.List;

/** {@code type: docker}: the engine answers; each named container runs and is healthy. */
public final class DockerTargetType implements TargetType {
    private static final StringSpec CONTAINER = StringSpec.matching("[a-zA-Z0-9][a-zA-Z0-9_.-]*",
            "a container name such as scgraph-postgres");

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public String summary() {
        return "a Docker engine (Engine API over its Unix socket) and the containers that must run and be healthy";
    }

    @Override
    public List<Field> fields() {
        return List.of(
                Field.withDefault("socket", new PathSpec(true), "/var/run/docker.sock",
                        "the engine's Unix socket"),
                Field.withDefault("containers", ListSpec.of(CONTAINER).withoutRepeats(), "[]", "container names that must be running"),
                dev.tend.check.ThresholdSpec.field("reclaimable", new dev.tend.config.spec.SizeSpec(), "10GB", "50GB",
                        "what a prune could free (docker system df's RECLAIMABLE), e.g. {warn: 10GB, crit: 50GB}"),
                dev.tend.check.ThresholdSpec.field("containerCpu", dev.tend.config.spec.NumberSpec.decimal(0, 100_000), "90", "200",
                        "a watched container's CPU use in % of one CPU (docker stats' CPU %; 200 = two CPUs)"),
                dev.tend.check.ThresholdSpec.percent("containerMemory", 85, 95, "a watched container's memory use in % of its limit (when it has one)"));
    }

    @Override
    public Target bind(TargetBinding binding) {
        List<String> containers = binding.fields().list("containers");
        return new DockerTarget(binding.settings(), binding.fields().<Path>value("socket"), containers,
                dev.tend.check.ThresholdSpec.read(binding.fields(), "reclaimable", true, binding.problems()),
                dev.tend.check.ThresholdSpec.read(binding.fields(), "containerCpu", true, binding.problems()),
                dev.tend.check.ThresholdSpec.read(binding.fields(), "containerMemory", true, binding.problems()));
    }
}
