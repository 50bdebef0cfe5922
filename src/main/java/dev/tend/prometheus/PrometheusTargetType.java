package dev.tend.prometheus;

import dev.tend.check.ThresholdSpec;
import dev.tend.command.CommandSettings;
import dev.tend.config.spec.Field;
import dev.tend.config.spec.ObjectSpec;
import dev.tend.config.spec.PathSpec;
import dev.tend.config.spec.SecretSpec;
import dev.tend.config.spec.SizeSpec;
import dev.tend.config.spec.StringSpec;
import dev.tend.target.HttpUrls;
import dev.tend.target.Target;
import dev.tend.target.TargetBinding;
import dev.tend.target.TargetType;
import java.util.List;
import java.util.Optional;

/** {@code type: prometheus}: ready and TSDB size as checks; the server prometheus.check-config and prometheus.reload act on. */
public final class PrometheusTargetType implements TargetType {

    @Override
    public String name() {
        return "prometheus";
    }

    @Override
    public String summary() {
        return "a Prometheus server: readiness, TSDB size; its config checked with promtool and reloaded";
    }

    @Override
    public List<Field> fields() {
        return List.of(
                Field.required("url", StringSpec.any(), "its HTTP address, e.g. http://127.0.0.1:9090/"),
                Field.optional("config", new PathSpec(false), "its prometheus.yml (on this machine; in the container when container: is set)"),
                Field.optional("container", ObjectSpec.of("Prometheus in a container",
                        Field.required("target", StringSpec.any(), "the docker target"),
                        Field.required("name", StringSpec.any(), "the container's name")), "where it runs: promtool runs there, and SIGHUP reloads it"),
                Field.optional("token", new SecretSpec(), "a bearer token for its API, a secret"),
                ThresholdSpec.field("tsdbSize", new SizeSpec(), "50GB", "100GB", "TSDB size (blocks and WAL) to warn / be critical"));
    }

    @Override
    public Target bind(TargetBinding binding) {
        var fields = binding.fields();
        var url = HttpUrls.read(binding, "url", "http://127.0.0.1:9090/");
        if (url == null) return null;
        Optional<CommandSettings.InContainer> container = Optional.empty();
        if (fields.has("container")) {
            var inside = fields.object("container");
            if (inside.string("target") == null || inside.string("name") == null) return null;
            container = Optional.of(new CommandSettings.InContainer(inside.string("target"), inside.string("name"), Optional.empty()));
        }
        var levels = ThresholdSpec.read(fields, "tsdbSize", true, binding.problems());
        return new PrometheusTarget(binding.settings(), url, Optional.ofNullable(fields.value("config")), container, fields.secret("token"), levels);
    }
}
